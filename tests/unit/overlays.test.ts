import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  FACT_TYPES,
  LIBRARY_VERSION,
  type Decision,
  bundledRuleSetSource,
  createEvaluator,
  decisionRecord,
  decisionRecordSchema,
  decisionSchema,
  diffDecisions,
  parseCaseSnapshot,
} from '../../src/index.js';
import { deriveFacts } from '../../src/facts/deriveFacts.js';
import { FACT_NAMES } from '../../src/facts/factNames.js';
import { ATTRIBUTES, LISTS, listViews } from '../../src/facts/listCatalogue.js';
import { canonicalJson } from '../../src/ruleSet/canonicalJson.js';
import { hashRuleSet } from '../../src/ruleSet/hashRuleSet.js';
import { loadRuleSet } from '../../src/ruleSet/loadRuleSet.js';
import { diffCases } from '../../src/overlays/diffCases.js';
import { overlayJsonSchema } from '../../src/overlays/overlayJsonSchema.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { caseFixture } from '../helpers/cases.js';
import { caseSnapshotArbitrary } from '../helpers/snapshotArbitrary.js';

type Json = any;
const example = (name: string): Json => JSON.parse(readFileSync(`examples/overlays/${name}.json`, 'utf8'));
const ICPC = example('icpc-from-section-47');
const LADO = example('lado-notification');
const national = createEvaluator();
const withIcpc = createEvaluator({ overlays: [ICPC] });
const withLado = createEvaluator({ overlays: [LADO] });

/** A case where the LADO overlay fires: an adult with the images role who works with children. */
function workingAdult(): Json {
  const c = caseFixture('images-household');
  c.personsOfConcern[0].accessToChildren.employment = true;
  return c;
}

/** A decision without what says which rules made it: for comparing outcomes. */
function outcome(d: Decision): Json {
  const strip = (v: Json): Json =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'overlay').map(([k, x]) => [k, strip(x)])) : v;
  const { ruleSet: _ruleSet, ...rest } = d;
  return strip(rest);
}

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => (chunks.push(String(s)), true)) as never;
  process.exitCode = undefined;
  try {
    const code = await main(argv);
    return { code, out: chunks.join('') };
  } finally {
    process.stdout.write = write;
    process.exitCode = undefined;
  }
}

describe('overlays: local variations without a fork', () => {
  it('a parameter overlay decides exactly as the parameter passed as an option, on every scenario case', async () => {
    const asOption = createEvaluator({ parameters: { icpcFrom: 'section-47-strategy-discussion' } });
    const viaOverlay = await runScenarios(['tests/scenarios'], { evaluator: withIcpc });
    const viaOption = await runScenarios(['tests/scenarios'], { evaluator: asOption });
    expect(viaOverlay.results.length).toBe(276);
    expect(viaOverlay.results.map((r) => outcome(r.decision!))).toEqual(viaOption.results.map((r) => outcome(r.decision!)));
  });

  it('every output an overlay changed says so in its sources, and the decision lists the overlay with its hash', () => {
    const d = withIcpc.evaluateSync(caseFixture('images-household'));
    expect(decisionSchema.parse(d)).toEqual(d);
    expect(d.deadlines[0]!.sources).toEqual([{ section: 'Outcomes', decision: 'O1', seed: [155], overlay: 'icpc-from-section-47' }]);
    expect(d.requiredActions.find((a) => a.id === 'refer-to-police')!.sources.every((s) => s.overlay === undefined)).toBe(true);
    expect(d.ruleSet.overlays).toEqual([
      {
        id: 'icpc-from-section-47',
        version: '1.0.0',
        hash: `sha256:${createHashHex(canonicalJson(ICPC))}`,
        source: ICPC.source,
        parameters: { icpcFrom: 'section-47-strategy-discussion' },
        added: [],
        replaced: [],
        disabled: [],
      },
    ]);
    // A caller's own parameter overrides the overlay's, and then the output is the procedure's again.
    const overridden = withIcpc.evaluateSync(caseFixture('images-household'), { parameters: { icpcFrom: 'last-strategy-discussion' } });
    expect(overridden.deadlines[0]!.sources[0]!.overlay).toBeUndefined();
  });

  it('a local rule gives its own action and deadline, counted in working days, each sourced to the overlay', () => {
    const d = withLado.evaluateSync(workingAdult());
    expect(decisionSchema.parse(d)).toEqual(d);
    const source = { section: 'Managing Allegations (local procedure, paragraph 3.1)', decision: 'local:LADO1', seed: [], overlay: 'lado-notification' };
    expect(d.requiredActions.find((a) => a.id === 'local:notify-lado')).toEqual({
      id: 'local:notify-lado',
      title: 'Tell the Local Authority Designated Officer (LADO)',
      urgency: 'urgent',
      done: false,
      because: ['P1 is in contact with children at work', 'P1 is 41, an adult'],
      sources: [source],
    });
    expect(d.deadlines.find((x) => x.id === 'local:notify-lado')).toEqual({
      id: 'local:notify-lado',
      title: 'Tell the LADO within one working day',
      due: '2026-11-17',
      from: '2026-11-16',
      basis: '1 working day after concern CN1 was identified (16 November 2026)',
      calendar: 'england-and-wales',
      status: 'overdue',
      workingDaysLeft: -9,
      cautions: [],
      because: ['P1 is in contact with children at work', 'P1 is 41, an adult', 'counted from the day concern CN1 was identified, 16 November 2026'],
      sources: [source],
    });
    expect(d.trace!.find((t) => t.decision === 'local:LADO1')).toMatchObject({ rule: 'notify-lado', result: 'fired' });
    expect(d.ruleSet.overlays![0]!.added).toEqual([{ rule: 'notify-lado', decision: 'local:LADO1' }]);
  });

  it('a local rule that is undetermined asks for what would decide it, with its local id', () => {
    const c = workingAdult();
    c.personsOfConcern[0].age = null;
    const d = withLado.evaluateSync(c);
    expect(d.requiredActions.some((a) => a.id === 'local:notify-lado')).toBe(false);
    expect(d.informationNeeded.find((i) => i.path === 'personsOfConcern[0].age')!.decides).toContain('local:LADO1');
  });

  it('a replaced rule keeps its decision id; its outputs say the overlay made them, and the decision gives the reason', () => {
    const o2 = structuredClone((bundledRuleSetSource.files.outcomes as Json).rules[1]);
    o2.event.params.outputs = [{ type: 'action', id: 'complete-assessment', urgency: 'urgent' }];
    const reason = 'the partnership treats completing the assessment as urgent';
    const evaluator = createEvaluator({ overlays: [{ id: 'urgent-assessment', version: '2', description: 'd', source: 's', replace: [{ rule: o2.name, reason, with: o2 }] }] });
    const c = caseFixture('images-household');
    c.process.section47.status = 'not-substantiated-other-needs';
    const d = evaluator.evaluateSync(c);
    expect(d.requiredActions.find((a) => a.id === 'complete-assessment')).toMatchObject({ urgency: 'urgent', sources: [{ decision: 'O2', seed: [157], overlay: 'urgent-assessment' }] });
    expect(d.ruleSet.overlays![0]!.replaced).toEqual([{ rule: o2.name, decision: 'O2', reason }]);
    expect(national.evaluateSync(c).requiredActions.find((a) => a.id === 'complete-assessment')!.urgency).toBe('routine');
  });

  it('overlays apply in order, and withOverlays reuses one evaluator per list', () => {
    const both = createEvaluator({ overlays: [ICPC, LADO] });
    expect(both.ruleSet.overlays.map((o) => o.id)).toEqual(['icpc-from-section-47', 'lado-notification']);
    expect(withIcpc.withOverlays([LADO]).ruleSet.overlays.map((o) => o.id)).toEqual(['icpc-from-section-47', 'lado-notification']);
    expect(withIcpc.withOverlays([LADO])).toBe(withIcpc.withOverlays([structuredClone(LADO)]));
    expect(both.evaluateSync(workingAdult())).toEqual(withIcpc.withOverlays([LADO]).evaluateSync(workingAdult()));
  });

  it('json-rules-engine decides as the compiled engine with overlays applied', async () => {
    const reference = createEvaluator({ engine: 'json-rules-engine', overlays: [ICPC, LADO] });
    const compiled = createEvaluator({ overlays: [ICPC, LADO] });
    for (const c of [workingAdult(), caseFixture('images-household'), caseFixture('grooming')]) expect(await reference.evaluate(c)).toEqual(compiled.evaluateSync(c));
  });

  it('the example overlays pass rules validate, match docs/overlay.schema.json, and their scenarios pass', async () => {
    expect((await capture(['rules', 'validate', 'examples/overlays/icpc-from-section-47.json', 'examples/overlays/lado-notification.json'])).code).toBe(0);
    expect(JSON.parse(readFileSync('docs/overlay.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(overlayJsonSchema())));
    const run = await runScenarios(['examples/overlays']);
    expect(run.results.map((r) => r.failures)).toEqual(run.results.map(() => []));
    expect(run.results.length).toBe(9);
    expect(run.errored).toBe(0);
  });
});

describe('impact of a change: diff', () => {
  it('the ICPC overlay changes exactly the two scenarios whose Section 47 discussion is not the last, and only the deadline and what follows from it', async () => {
    const { cases, fileErrors } = await diffCases(['tests/scenarios'], national, withIcpc);
    expect(fileErrors).toEqual([]);
    expect(cases).toHaveLength(276);
    const changed = cases.filter((c) => c.diff!.changed);
    expect(changed.map((c) => c.name)).toEqual([
      'Conference warning follows icpcFrom - under the default anchor a conference between two discussions is before the count',
      'S47-1 follows the last strategy discussion, not an earlier one',
    ]);
    for (const { diff } of changed) {
      expect(diff!.deadlines.changed.map((d) => [d.id, d.movedWorkingDays])).toEqual([['initial-child-protection-conference', -8]]);
      expect([...diff!.actions.added, ...diff!.actions.removed, ...diff!.procedures.added, ...diff!.procedures.removed, ...diff!.riskIndicators.added]).toEqual([]);
    }
  });

  it('the LADO overlay changes exactly the scenarios where Managing Allegations is required, adding its action and deadline and nothing else', async () => {
    const run = await runScenarios(['tests/scenarios'], { evaluator: national });
    const required = new Set(run.results.filter((r) => r.decision!.proceduresTriggered.some((p) => p.id === 'managing-allegations' && p.mode === 'required')).map((r) => r.name));
    expect(required.size).toBeGreaterThan(3);
    const { cases } = await diffCases(['tests/scenarios'], national, withLado);
    const changed = cases.filter((c) => c.diff!.changed);
    expect(new Set(changed.map((c) => c.name))).toEqual(required);
    for (const { diff } of changed) {
      expect(diff!.actions.added.map((a) => a.id)).toEqual(['local:notify-lado']);
      expect(diff!.deadlines.added.map((a) => a.id)).toEqual(['local:notify-lado']);
      expect({ ...diff!, actions: null, deadlines: null, priority: null, changed: null }).toEqual({
        changed: null,
        priority: null,
        riskLevel: null,
        actions: null,
        deadlines: null,
        procedures: { added: [], removed: [], changed: [] },
        riskIndicators: { added: [], removed: [], changed: [] },
        cautions: { added: [], removed: [], changed: [] },
        dataWarnings: { added: [], removed: [], changed: [] },
        considerations: { added: [], removed: [], changed: [] },
      });
    }
  });

  it('docs/overlay-impact-icpc-from-section-47.md shows the diff command’s output over the whole suite', async () => {
    const { code, out } = await capture(['diff', '--overlay', 'examples/overlays/icpc-from-section-47.json', 'tests/scenarios']);
    expect(code).toBe(0);
    const doc = readFileSync('docs/overlay-impact-icpc-from-section-47.md', 'utf8');
    const block = /<!-- diff output: begin -->\n```text\n([\s\S]*?)\n```\n<!-- diff output: end -->/.exec(doc)![1];
    expect(`${block}\n`).toBe(out);
  });

  it('diff gives JSON for machines, and exits 0 unless --fail-on-change (1), 2 without a change to assess', async () => {
    const json = await capture(['diff', '--overlay', 'examples/overlays/lado-notification.json', '--format', 'json', 'tests/scenarios/cases/images-household.json', 'examples/overlays']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.after.overlays.map((o: Json) => o.id)).toEqual(['lado-notification']);
    expect(report.summary).toEqual({ cases: 10, changed: expect.any(Number), errors: 0 });
    expect(report.cases[0]).toMatchObject({ file: 'tests/scenarios/cases/images-household.json', diff: { changed: false } });
    expect((await capture(['diff', '--overlay', 'examples/overlays/lado-notification.json', '--fail-on-change', 'examples/overlays'])).code).toBe(1);
    expect((await capture(['diff', 'examples/overlays'])).code).toBe(2);
  });

  it('evaluate, test and rules take --overlay', async () => {
    const evaluated = await capture(['evaluate', '--format', 'json', '--overlay', 'examples/overlays/icpc-from-section-47.json', 'tests/scenarios/cases/images-household.json']);
    expect(JSON.parse(evaluated.out).ruleSet.overlays[0].id).toBe('icpc-from-section-47');
    const tested = await capture(['test', '--overlay', 'examples/overlays/lado-notification.json', 'examples/overlays/lado-notification.yaml']);
    expect(tested.code).toBe(1); // "without the overlay" now has the LADO step: the overlay applies to every scenario
    const listed = await capture(['rules', '--overlay', 'examples/overlays/lado-notification.json']);
    expect(listed.out).toMatch(/local:LADO1 +notify-lado/);
  });

  it('diffDecisions says how far a deadline moved in working days', () => {
    const c = caseFixture('images-household');
    c.process.strategyDiscussions = [{ date: '2026-11-10', childrenPotentiallyAtRisk: true }, { date: '2026-11-20', childrenPotentiallyAtRisk: true }];
    c.process.section47.initiatedOn = '2026-11-10';
    const d = diffDecisions(national.evaluateSync(c), withIcpc.evaluateSync(c));
    expect(d.changed).toBe(true);
    expect(d.deadlines.changed).toEqual([
      { id: 'initial-child-protection-conference', from: { id: 'initial-child-protection-conference', due: '2026-12-11', status: 'pending', workingDaysLeft: 9 }, to: { id: 'initial-child-protection-conference', due: '2026-12-01', status: 'pending', workingDaysLeft: 1 }, movedWorkingDays: -8 },
    ]);
    expect(diffDecisions(national.evaluateSync(c), national.evaluateSync(c)).changed).toBe(false);
  });
});

function createHashHex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('versions and audit', () => {
  it('the decision names the rule set, the procedure text, the seed, the library and the overlays', () => {
    const d = national.evaluateSync(caseFixture('images-household'));
    expect(d.ruleSet).toMatchObject({
      id: 'child-abuse-ict',
      version: '2023-12-07.2',
      procedureDate: '2023-12-07',
      seedSha256: JSON.parse(readFileSync('rules/ruleset.json', 'utf8')).seed.sha256,
      libraryVersion: JSON.parse(readFileSync('package.json', 'utf8')).version,
      overlays: [],
    });
    expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('the hash: the files as supplied with no overlay and default parameters; equal for equal rules and overlays; changed by any rule, title, parameter or overlay', () => {
    const c = caseFixture('images-household');
    const hash = (e = national, options = {}) => e.evaluateSync(c, options).ruleSet.hash;
    expect(hash()).toBe(hashRuleSet(bundledRuleSetSource));
    expect(hash(createEvaluator({ overlays: [structuredClone(ICPC)] }))).toBe(hash(withIcpc));
    const changed = (change: (s: Json) => void) => {
      const source = structuredClone(bundledRuleSetSource) as Json;
      change(source);
      return hash(createEvaluator({ ruleSet: source }));
    };
    const hashes = [
      hash(),
      hash(withIcpc),
      hash(withLado),
      hash(national, { parameters: { icpcWorkingDays: 10 } }),
      changed((s) => (s.files.outcomes.rules[1].event.params.paraphrase += '.')),
      changed((s) => (s.catalogue.actions['refer-to-police'].title = 'Refer to the police')),
      hash(createEvaluator({ overlays: [{ ...ICPC, version: '1.0.1' }] })),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
    // As documented: SHA-256 (here node:crypto's) over the canonical JSON of the rules and parameters used.
    const e = createEvaluator({ overlays: [LADO] });
    const src = bundledRuleSetSource as Json;
    const used = { ...src.parameters, parameters: { ...src.parameters.parameters, icpcWorkingDays: { ...src.parameters.parameters.icpcWorkingDays, default: 11 } } };
    const files = Object.fromEntries(Object.entries(src.files as Json).map(([name, f]: [string, Json]) => [name, f]));
    files['overlay:lado-notification'] = { conditions: LADO.conditions, outputs: LADO.outputs, rules: LADO.add };
    const overlays = [{ id: 'lado-notification', version: '1.0.0', hash: `sha256:${createHashHex(canonicalJson(LADO))}` }];
    const text = canonicalJson({ id: src.id, version: src.version, files, catalogue: src.catalogue, parameters: used, overlays });
    expect(e.evaluateSync(c, { parameters: { icpcWorkingDays: 11 } }).ruleSet.hash).toBe(`sha256:${createHashHex(text)}`);
    // A parameter value passed at call time is part of what was used, so it changes the hash too.
    expect(hash(national, { parameters: { icpcFrom: 'section-47-strategy-discussion' } })).not.toBe(hash());
  });

  it('canonicalJson is RFC 8785 (JCS): members sorted by UTF-16 code units, ECMAScript numbers, no whitespace', () => {
    // RFC 8785, section 3.2.3 (sorting) and appendix B (numbers).
    const sorted = canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Emoji', '\u0080': 'Control', '\u00f6': 'o' });
    expect(sorted).toBe('{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"o","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji","\ufb33":"Hebrew"}');
    expect(canonicalJson([333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, -0, 1e21, { b: [true, null], a: 'x' }])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,0,1e+21,{"a":"x","b":[true,null]}]',
    );
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });

  it('decisionRecord keeps hashes, ids, dates and done flags, and nothing from the snapshot but its hash', () => {
    const c = caseFixture('images-household');
    c.caseId = 'SECRET-CASE-42';
    c.personsOfConcern[0].ref = 'PSECRET';
    c.concerns[0].personRef = 'PSECRET';
    c.children[0].ref = 'CSECRET';
    const d = withLado.evaluateSync({ ...c, personsOfConcern: [{ ...c.personsOfConcern[0], accessToChildren: { ...c.personsOfConcern[0].accessToChildren, employment: true } }] });
    const record = decisionRecord(d, c);
    expect(decisionRecordSchema.parse(record)).toEqual(record);
    const text = JSON.stringify(record);
    for (const secret of ['SECRET', 'P1', 'CN1', 'because']) expect(text).not.toContain(secret);
    expect(record).toMatchObject({
      recordVersion: 1,
      ruleSet: { id: 'child-abuse-ict', hash: d.ruleSet.hash, overlays: [{ id: 'lado-notification' }] },
      libraryVersion: LIBRARY_VERSION,
      asOf: '2026-11-30',
      priority: d.priority,
      riskLevel: 'high',
    });
    expect(record.actions).toContainEqual({ id: 'refer-to-police', urgency: 'urgent', done: true, doneOn: '2026-11-16' });
    expect(record.deadlines).toContainEqual({ id: 'local:notify-lado', due: '2026-11-17', status: 'overdue' });
    expect(record.decisions).toContain('local:LADO1');
    // The snapshot hash does not depend on key order.
    const reordered = Object.fromEntries(Object.entries(c).reverse());
    expect(decisionRecord(d, reordered).snapshotHash).toBe(record.snapshotHash);
  });
});

describe('the fact catalogue types', () => {
  it('every derived fact and every list attribute has the type the catalogue gives it, on 2,000 generated snapshots', () => {
    const ruleSet = loadRuleSet(bundledRuleSetSource);
    const check = (type: Json, v: unknown, name: string) => {
      if (v === null) return;
      if (type.kind === 'boolean') expect(typeof v, name).toBe('boolean');
      else if (type.kind === 'number') expect(typeof v, name).toBe('number');
      else if (type.kind === 'date') expect(v, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else if (type.kind === 'enum') expect(type.values, name).toContain(v);
      else {
        expect(Array.isArray(v), name).toBe(true);
        for (const item of v as string[]) expect(type.values, name).toContain(item);
      }
    };
    fc.assert(
      fc.property(caseSnapshotArbitrary, (input) => {
        let snapshot;
        try {
          snapshot = parseCaseSnapshot(input);
        } catch {
          return;
        }
        const { facts, context } = deriveFacts(snapshot, ruleSet.defaults, ruleSet.section15Versions);
        expect(Object.keys(facts).sort()).toEqual([...FACT_NAMES].sort());
        for (const [name, fact] of Object.entries(facts)) {
          const type = (FACT_TYPES as Record<string, Json>)[name];
          expect(type, name).toBeDefined();
          check(type, fact.value, name);
        }
        const views = listViews(context);
        for (const [list, def] of Object.entries(LISTS)) {
          for (const item of views(list as keyof typeof LISTS).items) {
            if (item.item === null) continue;
            for (const [attr, a] of Object.entries(ATTRIBUTES[def.item])) check(a.type, (a.read as (i: unknown, p: unknown) => unknown)(item.item, ruleSet.defaults), `${list}.${attr}`);
          }
        }
      }),
      { numRuns: 2_000, seed: 20261210 },
    );
  });
});
