import { hasBrand } from '../errors/brand.js';
import type { ScenarioFileError } from './readScenarioFile.js';

/**
 * Whether `value` is a {@link ScenarioFileError} from any copy of the library (ESM or CommonJS).
 *
 * @example
 * try { readScenarioFile('tests/scenarios/referral.yaml'); } catch (e) { if (isScenarioFileError(e)) console.error(e.message); }
 */
export const isScenarioFileError = (value: unknown): value is ScenarioFileError => hasBrand(value, 'ScenarioFileError');
