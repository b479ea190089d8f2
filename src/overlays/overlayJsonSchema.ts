import * as z from 'zod/mini';
import { overlaySchema } from './overlaySchema.js';

/** JSON Schema of an overlay file (docs/overlay.schema.json), for editors and partnerships writing overlays. */
export function overlayJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(overlaySchema, { io: 'input', unrepresentable: 'any' }),
    title: 'safeguarding-ict-rules overlay (a local variation of the rule set)',
  };
}
