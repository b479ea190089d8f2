import * as z from 'zod/mini';
import { decisionSchema } from '../decision/decisionSchema.js';
import { ruleFileSchema } from '../ruleSet/ruleSetSchema.js';
import { schemaId } from './schemaId.js';

export { caseSnapshotJsonSchema } from './snapshotJsonSchema.js';
export { scenarioFileJsonSchema } from './scenarioFileJsonSchema.js';

/**
 * JSON Schema of a rule file, for editors and partner agencies writing rules.
 *
 * @example
 * writeFileSync('rule-file.schema.json', JSON.stringify(ruleFileJsonSchema(), null, 2));
 */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: schemaId('rule-file.schema.json'),
    title: 'safeguarding-ict-rules rule file',
  };
}

/**
 * JSON Schema of a decision (decision.md), for systems that store or check decisions.
 *
 * @example
 * const validate = new Ajv2020().compile(decisionJsonSchema());
 */
export function decisionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(decisionSchema, { io: 'output', unrepresentable: 'any' }),
    $id: schemaId('decision.schema.json'),
    title: 'Decision, revision 2',
    description: 'What evaluate returns for one case snapshot: required actions, procedures, deadlines, considerations, risk indicators, cautions, data warnings and the information still needed, each with its reasons and sources.',
  };
}
