import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_WARNINGS } from '../../src/decision/dataWarnings.js';
import { DECISION_TABLE } from '../../src/ruleSet/decisions.js';

/*
 * Every decision, parameter, data warning and rule cites lines of the seed (the
 * procedure text, one paragraph a line): procedure-map.md, "Citing the seed".
 * The map is the authority, so these tests read its tables rather than a copy
 * of them, and check the code, the rule files and the seed itself against it.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
// The seed and the binding spec live beside the repository, not in it; a checkout elsewhere has no ../shared.
const sharedDir = path.resolve(here, '../../../shared');
const seedPath = path.resolve(here, '../../../shared/seed/child-abuse-and-ict-procedure.txt');
const hasShared = existsSync(seedPath) && existsSync(path.join(sharedDir, 'spec'));

/** The binding map when it is at hand, else the repository's copy (which the byte-for-byte test keeps equal). */
const specFile = (name: string) =>
  existsSync(path.join(sharedDir, 'spec', name)) ? path.join(sharedDir, 'spec', name) : path.join(repo, 'docs/spec', name);

// ---------------------------------------------------------------------------
// Reading the map's tables

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const cellsOf = (line: string) => line.trim().slice(1, -1).split('|').map((c) => c.trim());
const isRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const isRule = (line: string) => /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line);

/** Every markdown table: a header row, a |---| rule, then rows until the first line that is not a row. */
function tablesOf(markdown: string): Table[] {
  const lines = markdown.split('\n');
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!isRow(lines[i]!) || !isRule(lines[i + 1]!)) continue;
    const header = cellsOf(lines[i]!);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && isRow(lines[j]!); j++) rows.push(cellsOf(lines[j]!));
    tables.push({ header, rows });
    i = j - 1;
  }
  return tables;
}

/** "165, 167, 169" as line numbers; anything else is a malformed map and says which row. */
function seedColumn(cell: string, row: string): number[] {
  if (!/^\d+(\s*,\s*\d+)*$/.test(cell)) throw new Error(`procedure map row ${row}: seed column "${cell}" is not a comma-separated list of line numbers`);
  return cell.split(',').map((n) => Number(n.trim()));
}

interface MapSeeds {
  /** Decision id → seed lines, in map order. */
  readonly decisions: ReadonlyMap<string, number[]>;
  readonly parameters: ReadonlyMap<string, number[]>;
  readonly dataWarnings: ReadonlyMap<string, number[]>;
}

const DECISION_CELL = /^(R[0-9]+b?|SD[0-9]+|S47-[0-9]+|S15|A[0-9]+|O[0-9]+)(\s|$)/;
const codeCell = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1];

/**
 * The seed columns of the map's decision tables (first header "id"), its Data
 * warnings table (first header "warning") and its Parameters table (first
 * header "parameter"). Tables without a seed column (the "Done" table, the
 * section 15 versions and elements) are not citations and are passed over.
 */
function readMapSeeds(markdown: string): MapSeeds {
  const decisions = new Map<string, number[]>();
  const parameters = new Map<string, number[]>();
  const dataWarnings = new Map<string, number[]>();
  const put = (into: Map<string, number[]>, key: string, seed: number[]) => {
    if (into.has(key)) throw new Error(`procedure map: ${key} has two rows`);
    into.set(key, seed);
  };
  for (const { header, rows } of tablesOf(markdown)) {
    const seedAt = header.indexOf('seed');
    const kind = header[0];
    if (seedAt < 0 || (kind !== 'id' && kind !== 'warning' && kind !== 'parameter')) continue;
    for (const cells of rows) {
      const first = cells[0] ?? '';
      const cell = cells[seedAt] ?? '';
      if (kind === 'id') {
        // "SD1 `child-at-immediate-risk`": the decision id is the first word.
        const id = DECISION_CELL.exec(first)?.[1];
        if (!id) throw new Error(`procedure map: "${first}" is not a decision id`);
        put(decisions, id, seedColumn(cell, id));
      } else {
        const name = codeCell(first);
        if (!name) throw new Error(`procedure map: ${kind} "${first}" is not written as code`);
        put(kind === 'warning' ? dataWarnings : parameters, name, seedColumn(cell, name));
      }
    }
  }
  return { decisions, parameters, dataWarnings };
}

// ---------------------------------------------------------------------------
// The files under test

const readJson = (file: string): any => JSON.parse(readFileSync(path.join(repo, file), 'utf8'));
const mapText = readFileSync(specFile('procedure-map.md'), 'utf8');
const map = readMapSeeds(mapText);
const ruleset = readJson('rules/ruleset.json');
const ruleFiles: { file: string; rules: any[] }[] = (ruleset.files as string[]).map((name) => {
  const file = `rules/${name}.json`;
  return { file, rules: readJson(file).rules };
});
const parameterFile = readJson('rules/parameters.json').parameters as Record<string, any>;

/** A `source: { seed: [...] }` that is well formed, or why not. */
function seedOf(holder: any): number[] | string {
  const seed = holder?.source?.seed;
  if (seed === undefined) return 'has no source.seed';
  if (!Array.isArray(seed) || seed.length === 0) return 'has a source.seed that is not a non-empty list';
  if (!seed.every((n) => Number.isInteger(n) && n >= 1)) return `has a source.seed with something other than line numbers: ${JSON.stringify(seed)}`;
  return seed;
}

const ruleName = (rule: any, i: number) => (typeof rule?.name === 'string' ? rule.name : `#${i + 1}`);

/** Who cites which line, for the checks against the seed itself. */
function everyCitation(): { who: string; line: number }[] {
  const cited: { who: string; line: number }[] = [];
  for (const [id, seed] of map.decisions) for (const line of seed) cited.push({ who: `map decision ${id}`, line });
  for (const [id, seed] of map.dataWarnings) for (const line of seed) cited.push({ who: `map data warning ${id}`, line });
  for (const [id, seed] of map.parameters) for (const line of seed) cited.push({ who: `map parameter ${id}`, line });
  for (const { file, rules } of ruleFiles) {
    rules.forEach((rule, i) => {
      const seed = seedOf(rule);
      if (typeof seed !== 'string') for (const line of seed) cited.push({ who: `${file} rule ${ruleName(rule, i)}`, line });
    });
  }
  for (const [name, parameter] of Object.entries(parameterFile)) {
    const seed = seedOf(parameter);
    if (typeof seed !== 'string') for (const line of seed) cited.push({ who: `rules/parameters.json parameter ${name}`, line });
  }
  return cited;
}

// ---------------------------------------------------------------------------

describe('the map parser', () => {
  it('reads every table of the map that has a seed column', () => {
    expect(map.decisions.size).toBe(43);
    expect([...map.decisions.keys()].slice(0, 5)).toEqual(['R1', 'R2', 'R3', 'R3b', 'R4']);
    expect([...map.decisions.keys()].at(-1)).toBe('S15');
    // A few rows of each shape: one line, several lines, an id with its name, the section 15 row.
    expect(map.decisions.get('R1')).toEqual([40]);
    expect(map.decisions.get('R2')).toEqual([42, 16, 20]);
    expect(map.decisions.get('SD1')).toEqual([54]);
    expect(map.decisions.get('S47-2')).toEqual([69]);
    expect(map.decisions.get('O6')).toEqual([155, 56, 69]);
    expect(map.decisions.get('S15')).toEqual([165, 167, 169, 171, 173, 175]);
    expect([...map.parameters.keys()]).toEqual(['icpcWorkingDays', 'icpcFrom', 'seriousRiskImageLevel', 'sentencingCouncilLevels', 'largeCollectionThreshold']);
    expect(map.parameters.get('sentencingCouncilLevels')).toEqual([153, 30]);
    expect(map.dataWarnings.size).toBe(7);
    expect(map.dataWarnings.get('forensic-examination-overdue')).toEqual([62, 67]);
  });

  it('refuses a malformed seed cell, naming the row', () => {
    const bad = '| id | seed | when |\n|---|---|---|\n| R1 | 40 | x |\n| R2 | forty | y |\n';
    expect(() => readMapSeeds(bad)).toThrow('procedure map row R2: seed column "forty" is not a comma-separated list of line numbers');
    expect(() => readMapSeeds('| id | seed |\n|---|---|\n| R1 | 40 |\n| R1 | 41 |\n')).toThrow('R1 has two rows');
  });

  it('passes over tables with no seed column', () => {
    const text = '| action | done when |\n|---|---|\n| `x` | y |\n\n| id | seed | when |\n|---|---|---|\n| SD2 `impact` | 55, 56 | z |\n';
    expect([...readMapSeeds(text).decisions]).toEqual([['SD2', [55, 56]]]);
  });
});

describe('the decision table and the data warnings follow the map', () => {
  it('DECISION_TABLE has exactly the map ids, in map order', () => {
    expect(Object.keys(DECISION_TABLE)).toEqual([...map.decisions.keys()]);
  });

  it("DECISION_TABLE has exactly each id's map seed lines", () => {
    const table = Object.fromEntries(Object.entries(DECISION_TABLE).map(([id, entry]) => [id, [...entry.seed]]));
    expect(table).toEqual(Object.fromEntries(map.decisions));
  });

  it("DATA_WARNINGS has exactly the map's warnings, each with its seed lines", () => {
    expect(Object.keys(DATA_WARNINGS).sort()).toEqual([...map.dataWarnings.keys()].sort());
    const seeds = Object.fromEntries(Object.entries(DATA_WARNINGS).map(([id, w]) => [id, [...w.seed]]));
    expect(seeds).toEqual(Object.fromEntries(map.dataWarnings));
  });

  it("DATA_WARNINGS has decision.md's titles", () => {
    const titles = new Map<string, string>();
    for (const { header, rows } of tablesOf(readFileSync(specFile('decision.md'), 'utf8'))) {
      if (header.join('|') !== 'kind|id|title') continue;
      for (const [kind, id, title] of rows) if (kind === 'data warning' && id && title) titles.set(codeCell(id) ?? id, title);
    }
    expect(Object.fromEntries(Object.entries(DATA_WARNINGS).map(([id, w]) => [id, w.title]))).toEqual(Object.fromEntries(titles));
  });
});

describe('the rule files cite the seed', () => {
  it("every rule carries source.seed, within its decision's map lines", () => {
    const problems: string[] = [];
    for (const { file, rules } of ruleFiles) {
      rules.forEach((rule, i) => {
        const name = ruleName(rule, i);
        const decision = rule?.event?.params?.decision;
        const allowed = map.decisions.get(decision);
        const seed = seedOf(rule);
        if (typeof seed === 'string') problems.push(`${file} rule ${name} (${decision}) ${seed}`);
        if (!allowed) {
          problems.push(`${file} rule ${name}: decision ${String(decision)} is not in the procedure map`);
          return;
        }
        if (typeof seed === 'string') return;
        for (const line of seed) {
          if (!allowed.includes(line)) problems.push(`${file} rule ${name} (${decision}) cites seed line ${line}, not among ${decision}'s lines ${allowed.join(', ')}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it("every parameter carries source.seed, within the map's Parameters table", () => {
    const problems: string[] = [];
    for (const name of map.parameters.keys()) if (!(name in parameterFile)) problems.push(`rules/parameters.json has no parameter ${name}`);
    for (const [name, parameter] of Object.entries(parameterFile)) {
      const allowed = map.parameters.get(name);
      const seed = seedOf(parameter);
      if (!allowed) problems.push(`rules/parameters.json parameter ${name} is not in the map's Parameters table`);
      if (typeof seed === 'string') problems.push(`rules/parameters.json parameter ${name} ${seed}`);
      else if (allowed) {
        for (const line of seed) {
          if (!allowed.includes(line)) problems.push(`rules/parameters.json parameter ${name} cites seed line ${line}, not among its lines ${allowed.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('ruleset.json records the seed hash that the map names', () => {
    const named = /SHA-256 is\s+`([0-9a-f]{64})`/.exec(mapText)?.[1];
    expect(named, 'the procedure map names no SHA-256 of the seed').toBeDefined();
    expect(ruleset.seed?.sha256, 'rules/ruleset.json seed.sha256').toBe(named);
  });
});

describe('the seed and the shared spec (../shared; skipped without it)', () => {
  it.skipIf(!hasShared)('the seed has the SHA-256 that ruleset.json records', () => {
    const actual = createHash('sha256').update(readFileSync(seedPath)).digest('hex');
    expect(ruleset.seed?.sha256, 'rules/ruleset.json seed.sha256 against the seed file').toBe(actual);
  });

  it.skipIf(!hasShared)('every cited line exists in the seed and is not blank', () => {
    const text = readFileSync(seedPath, 'utf8');
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    const problems = everyCitation().flatMap(({ who, line }) => {
      if (line > lines.length) return [`${who} cites seed line ${line}, past the end (the seed has ${lines.length} lines)`];
      if (!lines[line - 1]!.trim()) return [`${who} cites seed line ${line}, which is blank`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasShared)('docs/spec is a byte-for-byte copy of ../shared/spec', () => {
    const names = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    const shared = path.join(sharedDir, 'spec');
    const docs = path.join(repo, 'docs/spec');
    expect(names(docs)).toEqual(names(shared));
    const differ = names(shared).filter((f) => existsSync(path.join(docs, f)) && !readFileSync(path.join(docs, f)).equals(readFileSync(path.join(shared, f))));
    expect(differ, 'docs/spec files that differ from ../shared/spec').toEqual([]);
  });
});
