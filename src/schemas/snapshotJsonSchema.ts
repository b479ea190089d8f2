import * as z from 'zod/mini';
import { PLAUSIBLE_DATES } from '../calendar/plausibleDate.js';
import { caseSnapshotSchema } from '../snapshot/schema.js';
import { type SchemaNode, walkSchema } from './jsonSchemaWalk.js';
import { schemaId } from './schemaId.js';
import { SNAPSHOT_DESCRIPTIONS } from './snapshotDescriptions.generated.js';

/** How zod writes a calendar date (its refinements, real date and year range, are not representable). */
const ZOD_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** Real dates are `format: date`; the years the validator allows (1900-2199) are in the pattern. */
const YEARS_PATTERN = '^(19\\d\\d|2[01]\\d\\d)-\\d{2}-\\d{2}$';

/** What parseCaseSnapshot checks that JSON Schema cannot say (tests/unit/schema-agreement.test.ts). */
export const NOT_IN_JSON_SCHEMA = [
  'every personRef and childRef names an existing entry',
  'refs are unique among persons, among children and among concerns',
  'no record-of-events date is after asOf (dates compared with another field)',
] as const;

const nonNull = (node: SchemaNode): SchemaNode =>
  (Array.isArray(node.anyOf) ? (node.anyOf as SchemaNode[]).find((b) => b.type !== 'null') : node) ?? node;

/** A COPINE number goes with the copine scale (or none), a letter with sentencing-council. */
const SCALE_MATCHES_LEVEL = [
  {
    if: { properties: { highestLevel: { type: 'string' } }, required: ['highestLevel'] },
    then: { properties: { scale: { const: 'sentencing-council' } }, required: ['scale'] },
  },
  {
    if: { properties: { highestLevel: { type: 'integer' } }, required: ['highestLevel'] },
    then: { properties: { scale: { not: { const: 'sentencing-council' } } } },
  },
];

/** `childRef` and `otherPersonInvolved` only on a self-generated-images concern (else absent or null). */
const SELF_TAKEN_ONLY = {
  if: { properties: { type: { const: 'self-generated-images' } } },
  else: { properties: { childRef: { type: 'null' }, otherPersonInvolved: { type: 'null' } } },
};

/**
 * JSON Schema (draft 2020-12) of case snapshot version 1, for partner tools in
 * any language. It rejects what `parseCaseSnapshot` rejects wherever JSON
 * Schema can say it: real dates from 1900 to 2199 (`format: date` with a
 * pattern), enums, list limits, the scale/level pairing and the self-taken-only
 * fields; the cross-field checks it cannot say are listed in its description.
 * Each field's `description` is the spec's (docs/spec/case-snapshot.md).
 *
 * @example
 * import schema from 'safeguarding-ict-rules/case-snapshot.schema.json';
 * const validate = new Ajv2020({ allErrors: true }).addFormat('date', isDate).compile(schema);
 */
export function caseSnapshotJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(caseSnapshotSchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  walkSchema(schema, (node, path, isProperty) => {
    if (node.type === 'string' && node.pattern === ZOD_DATE_PATTERN) Object.assign(node, { format: 'date', pattern: YEARS_PATTERN });
    if (isProperty) {
      const description = SNAPSHOT_DESCRIPTIONS[path] ?? SNAPSHOT_DESCRIPTIONS[`${path}[]`];
      if (description) node.description = description;
    }
    if (path === 'personsOfConcern[].images' && isProperty) nonNull(node).allOf = SCALE_MATCHES_LEVEL;
    if (path === 'concerns[]' && node.type === 'object') node.allOf = [SELF_TAKEN_ONLY];
  });
  return {
    ...schema,
    $id: schemaId('case-snapshot.schema.json'),
    title: 'Case snapshot, version 1',
    description: [
      'What a case-management system knows about one case on one day (docs/spec/case-snapshot.md). A missing field or null means unknown, except the record of events, where absent or null means it has not happened.',
      `Dates are real calendar dates YYYY-MM-DD from ${PLAUSIBLE_DATES.from} to ${PLAUSIBLE_DATES.to} (format: date needs a validator that checks formats, e.g. ajv-formats).`,
      `parseCaseSnapshot also checks what JSON Schema cannot express: ${NOT_IN_JSON_SCHEMA.join('; ')}.`,
    ].join(' '),
  };
}
