import type { EvaluatorOptions, OverlayInput, RuleSetSource } from '../index.js';
import type { LineOptions } from './evaluateLine.js';

/**
 * How each case is evaluated. Plain JSON on purpose: it is sent to worker
 * threads as it is (structured clone), and each builds its own evaluator.
 */
export interface CaseloadSettings {
  /** A rule set other than the bundled one (as `--rules` reads it). */
  readonly ruleSet?: RuleSetSource;
  /** Overlays (local variations) applied to the rule set in order (`--overlay`), as the library's `createEvaluator` takes them. */
  readonly overlays?: readonly OverlayInput[];
  /** Local closure days added to each case's calendar (`--closure`). */
  readonly closures?: readonly string[];
  /** Evaluate every case as at this date instead of its own `asOf` (`--as-of`). */
  readonly asOf?: string;
  /** Replace refs and the caseId with placeholders in every decision (`--redact`). */
  readonly redact?: boolean;
  /** The engine (`--engine`); default the library's. */
  readonly engine?: EvaluatorOptions['engine'];
  /** The longest line (one case) accepted, in bytes. */
  readonly maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** The evaluator a run (or each of its workers) builds from the settings. */
export function evaluatorOptionsOf(settings: CaseloadSettings): EvaluatorOptions {
  return {
    ...(settings.ruleSet ? { ruleSet: settings.ruleSet } : {}),
    ...(settings.overlays?.length ? { overlays: settings.overlays } : {}),
    ...(settings.engine ? { engine: settings.engine } : {}),
  };
}

/** How each line is evaluated. */
export function lineOptionsOf(settings: CaseloadSettings): LineOptions {
  return {
    evaluate: settings.closures && settings.closures.length > 0 ? { calendar: { closures: settings.closures } } : {},
    ...(settings.asOf ? { asOf: settings.asOf } : {}),
    ...(settings.redact ? { redact: true } : {}),
  };
}
