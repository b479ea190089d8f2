import * as z from 'zod';
import { decisionSchema } from '../decision/decisionSchema.js';
import { ruleFileSchema } from '../rules/ruleSetSchema.js';
import { caseSnapshotSchema } from '../snapshot/schema.js';

/** JSON Schema (draft 2020-12) of case snapshot version 1, for partner tools in any language. */
export function caseSnapshotJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(caseSnapshotSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://safeguarding-ict-rules/case-snapshot.schema.json',
    title: 'Case snapshot, version 1',
    description:
      'What a case-management system knows about one case on one day. A missing field or null means unknown. Cross-field checks (refs resolve and are unique, recorded dates not after asOf) are applied by parseCaseSnapshot.',
  };
}

/** JSON Schema of a rule file, for editors and partner agencies writing rules. */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'safeguarding-ict-rules rule file',
  };
}

/** JSON Schema of a decision (decision.md), for systems that store or check decisions. */
export function decisionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(decisionSchema, { io: 'output', unrepresentable: 'any' }),
    $id: 'https://safeguarding-ict-rules/decision.schema.json',
    title: 'Decision, revision 2',
    description: 'What evaluate returns for one case snapshot: required actions, procedures, deadlines, considerations, risk indicators, cautions, data warnings and the information still needed, each with its reasons and sources.',
  };
}
