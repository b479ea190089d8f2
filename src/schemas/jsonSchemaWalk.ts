/** A JSON Schema object, as z.toJSONSchema writes it. */
export type SchemaNode = Record<string, unknown>;

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Visits every subschema with its data path (`concerns[].ref`): properties
 * add `.name`, array items add `[]`, and `anyOf`/`oneOf`/`allOf` branches keep
 * the path of the field they describe (a nullable field is `anyOf [x, null]`).
 */
export function walkSchema(node: unknown, visit: (node: SchemaNode, path: string, isProperty: boolean) => void, path = '', isProperty = false): void {
  if (!isNode(node)) return;
  visit(node, path, isProperty);
  if (isNode(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) walkSchema(child, visit, path ? `${path}.${key}` : key, true);
  }
  if (node.items !== undefined) walkSchema(node.items, visit, `${path}[]`);
  for (const branch of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[branch];
    if (Array.isArray(list)) for (const child of list) walkSchema(child, visit, path);
  }
}
