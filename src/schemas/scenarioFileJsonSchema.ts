import * as z from 'zod/mini';
import { scenarioFileSchema, scenarioListSchema } from '../scenarios/scenarioSchema.js';
import { type SchemaNode, walkSchema } from './jsonSchemaWalk.js';
import { schemaId } from './schemaId.js';

/** The scenario rules zod checks in refinements, written as JSON Schema. */
const SCENARIO_RULES = [
  // Unless todo: exactly one of case and caseFile, and expect.
  { if: { not: { required: ['todo'] } }, then: { oneOf: [{ required: ['case'] }, { required: ['caseFile'] }], required: ['expect'] } },
  { not: { required: ['skip', 'todo'] } },
];

/**
 * JSON Schema of a scenario file (`{ scenarios: [...] }` or the list itself),
 * so an editor autocompletes scenarios and their expectations: with the YAML
 * language server, start a file with
 * `# yaml-language-server: $schema=<this schema's $id>`. An inline `case` is
 * checked against the case snapshot schema.
 *
 * @example
 * writeFileSync('scenario-file.schema.json', JSON.stringify(scenarioFileJsonSchema(), null, 2));
 */
export function scenarioFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([scenarioFileSchema, scenarioListSchema]), { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  walkSchema(schema, (node) => {
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (node.type !== 'object' || !props?.expect || !props.name) return;
    props.case = { $ref: schemaId('case-snapshot.schema.json'), description: 'The case snapshot, inline.' };
    props.with = { ...props.with, description: 'Changes merged into the case: objects merged, lists and values replaced, null sets null.' };
    node.allOf = SCENARIO_RULES;
  });
  return {
    ...schema,
    $id: schemaId('scenario-file.schema.json'),
    title: 'safeguarding-ict-rules scenario file',
    description:
      'Policy scenarios for `safeguarding-ict test`: each names a case (inline or a caseFile relative to the file), optional changes, and what the decision must show. Not expressible here: that a caseFile exists and stays inside the scenario folder, and that an inline case passes the cross-field checks of parseCaseSnapshot.',
  };
}
