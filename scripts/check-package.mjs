// The package as a consumer gets it: packs the built dist/ (npm run build first) into a tarball,
// lints it (publint --strict; attw, default profile: node10, node16 CJS/ESM and bundler), installs
// it into scratch ESM, CommonJS and TypeScript (node16, bundler) projects, and in each evaluates the
// example case, uses the /calendar, /validate and /scenarios subpaths and a JSON Schema, and runs the bin.
// Usage: node scripts/check-package.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const example = join(root, 'examples', 'household-images.json');

const work = mkdtempSync(join(tmpdir(), 'check-package-'));
try {
  // --ignore-scripts: dist/ is already built; prepack would build it again.
  run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root);
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  // The library's code exists once per format (shared chunks), so instanceof holds within a format.
  for (const ext of ['.js', '.cjs']) {
    const defining = readdirSync(join(root, 'dist')).filter((f) => f.endsWith(ext) && /(class CaseValidationError\b|CaseValidationError = (\(_class\d* = )?class\b)/.test(readFileSync(join(root, 'dist', f), 'utf8')));
    if (defining.length !== 1) throw new Error(`CaseValidationError is defined in ${defining.length} ${ext} files of dist/, not 1`);
  }
  process.stdout.write(run(bin('publint'), ['run', tarball, '--strict']));
  process.stdout.write(run(bin('attw'), [tarball, '--format', 'ascii', '--no-summary']));

  // One install, shared by the projects below through Node's parent-folder lookup.
  const consumers = join(work, 'consumers');
  mkdirSync(consumers);
  writeFileSync(join(consumers, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', '--loglevel=error', tarball], consumers);

  // What every project checks, in its own module syntax.
  const checks = (imports, snapshot = `JSON.parse(readFileSync(${JSON.stringify(example)}, 'utf8'))`) => `${imports}
const snapshot = ${snapshot};
const decision = await evaluate(snapshot);
const icpc = decision.deadlines.find((d) => d.id === 'initial-child-protection-conference');
if (decision.priority !== 'urgent' || icpc?.due !== '2026-12-11') throw new Error('the example decision is not the one the README shows');
if (addWorkingDays('2026-12-24', 1, builtInCalendar('england-and-wales')) !== '2026-12-29') throw new Error('/calendar counts wrongly');
let caught: unknown;
try { parseCaseSnapshot({ schemaVersion: 1 }); } catch (e) { caught = e; }
if (!isCaseValidationError(caught) || !(caught instanceof CaseValidationError)) throw new Error('/validate does not throw its CaseValidationError');
if (schema.$id === undefined) throw new Error('/scenarios or the schema is missing');
console.log('ok', decision.priority, icpc.due);
`;
  const ts = (text) => text;
  const js = (text) => text.replace(/let caught: unknown;/, 'let caught;');
  const projects = {
    esm: {
      pkg: { type: 'module' },
      files: {
        'main.mjs': js(
          checks(`import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluate, isCaseValidationError } from 'safeguarding-ict-rules';
import { runScenarios } from 'safeguarding-ict-rules/scenarios';
import { addWorkingDays, builtInCalendar } from 'safeguarding-ict-rules/calendar';
import { parseCaseSnapshot, CaseValidationError } from 'safeguarding-ict-rules/validate';
const schema = createRequire(import.meta.url)('safeguarding-ict-rules/case-snapshot.schema.json');
// The CommonJS copy's error is recognised by the ESM copy's guard (instanceof cannot).
try { createRequire(import.meta.url)('safeguarding-ict-rules').parseCaseSnapshot({}); } catch (e) { if (!isCaseValidationError(e)) throw new Error('guard misses the CommonJS copy'); }
if (typeof runScenarios !== 'function') throw new Error('/scenarios is missing');`),
        ),
      },
      run: ['node', 'main.mjs'],
    },
    cjs: {
      pkg: { type: 'commonjs' },
      files: {
        'main.cjs': `(async () => {\n${js(
          checks(`const { readFileSync } = require('node:fs');
const { evaluate, isCaseValidationError } = require('safeguarding-ict-rules');
const { addWorkingDays, builtInCalendar } = require('safeguarding-ict-rules/calendar');
const { parseCaseSnapshot, CaseValidationError } = require('safeguarding-ict-rules/validate');
const { runScenarios } = require('safeguarding-ict-rules/scenarios');
const schema = require('safeguarding-ict-rules/case-snapshot.schema.json');
if (typeof runScenarios !== 'function') throw new Error('/scenarios is missing');`),
        )}})().catch((e) => { console.error(e); process.exit(1); });\n`,
      },
      run: ['node', 'main.cjs'],
    },
    'ts-node16': {
      pkg: { type: 'module' },
      files: {
        // A Node project: its own @types/node (the repository's, here).
        'tsconfig.json': JSON.stringify({
          compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022'], strict: true, outDir: 'out', types: ['node'], typeRoots: [join(root, 'node_modules', '@types')], skipLibCheck: false },
        }),
        'main.ts': ts(
          checks(`import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluate, isCaseValidationError, type Decision } from 'safeguarding-ict-rules';
import { addWorkingDays, builtInCalendar } from 'safeguarding-ict-rules/calendar';
import { parseCaseSnapshot, CaseValidationError } from 'safeguarding-ict-rules/validate';
import { runScenarios } from 'safeguarding-ict-rules/scenarios';
const schema = createRequire(import.meta.url)('safeguarding-ict-rules/case-snapshot.schema.json') as { $id?: string };
if (typeof runScenarios !== 'function') throw new Error('/scenarios is missing');
export type Checked = Decision['priority'];`),
        ),
      },
      build: [bin('tsc'), ['-p', '.']],
      run: ['node', 'out/main.js'],
    },
    'ts-bundler': {
      pkg: { type: 'module' },
      files: {
        // A web app: DOM types and no @types/node, so the package's types must not need Node's.
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], strict: true, resolveJsonModule: true, noEmit: true, types: [], skipLibCheck: false } }),
        'main.ts': ts(
          checks(
            `import { evaluate, isCaseValidationError } from 'safeguarding-ict-rules';
import { addWorkingDays, builtInCalendar } from 'safeguarding-ict-rules/calendar';
import { parseCaseSnapshot, CaseValidationError } from 'safeguarding-ict-rules/validate';
import schema from 'safeguarding-ict-rules/case-snapshot.schema.json';
import example from ${JSON.stringify(example)};`,
            'example',
          ),
        ),
      },
      // Type-checked by tsc, then bundled for the browser as a web app would be (the scenario
      // runner reads files, so it is Node-only and left out), and the bundle run.
      build: [bin('tsc'), ['-p', '.']],
      bundle: true,
      run: ['node', 'bundle.mjs'],
    },
  };

  for (const [name, project] of Object.entries(projects)) {
    const dir = join(consumers, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...project.pkg }));
    for (const [file, text] of Object.entries(project.files)) writeFileSync(join(dir, file), text);
    if (project.build) run(project.build[0], project.build[1], dir);
    if (project.bundle) {
      run(bin('esbuild'), ['main.ts', '--bundle', '--platform=browser', '--format=esm', '--outfile=bundle.mjs', '--log-level=warning'], dir);
    }
    process.stdout.write(`${name}: ${run(project.run[0], project.run.slice(1), dir)}`);
  }
  const version = run(join(consumers, 'node_modules', '.bin', 'safeguarding-ict'), ['--version'], consumers).trim();
  console.log(`bin: safeguarding-ict --version ${version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
