// Writes the JSON Schemas generated from the zod schemas (zod 4's z.toJSONSchema):
//   dist/case-snapshot.schema.json  exported as safeguarding-ict-rules/case-snapshot.schema.json
//   dist/decision.schema.json       exported as safeguarding-ict-rules/decision.schema.json
//   docs/rule-file.schema.json      referenced by the rule files' $schema
//   docs/overlay.schema.json        referenced by the overlay files' $schema
//   dist/scenario-file.schema.json  exported as safeguarding-ict-rules/scenario-file.schema.json (docs/ has a copy)
//   dist/rule-file.schema.json, dist/overlay.schema.json: the docs/ ones, exported from the package too
// Usage: tsx scripts/build-schemas.ts [--check]   (--check: fail if docs/ is out of date)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { caseSnapshotJsonSchema, decisionJsonSchema, ruleFileJsonSchema, scenarioFileJsonSchema } from '../src/schemas/jsonSchemas.js';
import { overlayJsonSchema } from '../src/overlays/overlayJsonSchema.js';

const write = (path: string, value: unknown) => {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};
const ruleFile = `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync('docs/rule-file.schema.json', 'utf8') !== ruleFile) {
    console.error('docs/rule-file.schema.json is out of date: run npm run build');
    process.exit(1);
  }
} else {
  write('dist/case-snapshot.schema.json', caseSnapshotJsonSchema());
  writeFileSync('docs/rule-file.schema.json', ruleFile);
  write('docs/overlay.schema.json', overlayJsonSchema());
  write('docs/case-snapshot.schema.json', caseSnapshotJsonSchema());
  write('dist/decision.schema.json', decisionJsonSchema());
  write('docs/decision.schema.json', decisionJsonSchema());
  write('dist/scenario-file.schema.json', scenarioFileJsonSchema());
  write('docs/scenario-file.schema.json', scenarioFileJsonSchema());
  writeFileSync('dist/rule-file.schema.json', ruleFile);
  write('dist/overlay.schema.json', overlayJsonSchema());
}
