import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetSource, createEvaluator, DECISION_IDS, DECISIONS, loadRuleSet, RuleSetError } from '../../src/index.js';
import { buildEngine, ownPropertyPathResolver } from '../../src/engine/buildEngine.js';
import { compileRules } from '../../src/engine/compileRules.js';
import { jsonRulesEngineRunner } from '../../src/engine/jsonRulesEngineRunner.js';
import { lowerRules } from '../../src/engine/lowerRules.js';
import { runEngine } from '../../src/engine/runEngine.js';
import { deriveFacts } from '../../src/facts/deriveFacts.js';
import { FACT_NAMES } from '../../src/facts/factNames.js';
import { parseCaseSnapshot } from '../../src/snapshot/parseCaseSnapshot.js';
import { caseFixture } from '../helpers/cases.js';
import { thrownBy } from '../helpers/thrown.js';

const clone = <T>(v: T): T => structuredClone(v);
type Files = Record<string, any>;

function withFiles(change: (files: Files) => void) {
  const source = clone(bundledRuleSetSource) as { files: Files } & typeof bundledRuleSetSource;
  change(source.files);
  return source;
}

const issuesOf = (source: typeof bundledRuleSetSource) => thrownBy(() => loadRuleSet(source), RuleSetError).issues;

/** The decision ids as procedure-map.md lists them (the copy in docs/spec, and the shared original if present). */
function mapIds(path: URL): string[] {
  const text = readFileSync(path, 'utf8');
  return [...new Set([...text.matchAll(/^\| (R[0-9]+b?|SD[0-9]+|S47-[0-9]+|S15|A[0-9]+|O[0-9]+)\b/gm)].map((m) => m[1]!))];
}

describe('the bundled rule set and the procedure map', () => {
  it('knows exactly the ids of procedure-map.md', () => {
    const ids = mapIds(new URL('../../docs/spec/procedure-map.md', import.meta.url));
    expect([...ids].sort()).toEqual([...DECISION_IDS].sort());
    let shared: string[] | undefined;
    try {
      shared = mapIds(new URL('../../../shared/spec/procedure-map.md', import.meta.url));
    } catch {
      shared = undefined; // outside the workplace checkout
    }
    if (shared) expect([...shared].sort()).toEqual([...ids].sort());
  });

  it('encodes every decision id, and every rule cites an id that exists', () => {
    const ruleSet = loadRuleSet(bundledRuleSetSource);
    const cited = new Set(ruleSet.rules.map((r) => r.event.params.decision));
    expect([...DECISION_IDS].filter((id) => !cited.has(id))).toEqual([]);
    for (const r of ruleSet.rules) expect(DECISIONS).toHaveProperty(r.event.params.decision);
  });

  it('the engine sees conditions only: rule metadata never enters it', () => {
    const ruleSet = loadRuleSet(bundledRuleSetSource);
    const snapshot = parseCaseSnapshot(caseFixture('images-household'));
    const derived = deriveFacts(snapshot, ruleSet.defaults, ruleSet.section15Versions);
    const lowered = lowerRules(ruleSet.rules, { ...derived, parameters: ruleSet.defaults });
    const engine = buildEngine(lowered.rules) as unknown as { rules: { ruleEvent: unknown }[] };
    expect(engine.rules).toHaveLength(ruleSet.rules.length);
    for (const rule of engine.rules) expect(rule.ruleEvent).toEqual({ type: 'decision' });
    // Lowered, no quantifier is left for the engine: only all/any/not and plain leaves.
    const keys = new Set<string>();
    const walk = (c: Record<string, unknown>) => {
      for (const k of Object.keys(c)) keys.add(k);
      for (const k of ['all', 'any']) if (Array.isArray(c[k])) (c[k] as Record<string, unknown>[]).forEach(walk);
      if (c.not) walk(c.not as Record<string, unknown>);
    };
    for (const r of lowered.rules) walk(r.conditions as Record<string, unknown>);
    expect([...keys].filter((k) => ['some', 'every', 'none', 'where', 'as'].includes(k))).toEqual([]);
  });

  it('deriveFacts computes exactly the facts rules may name', () => {
    const { facts } = deriveFacts(parseCaseSnapshot(caseFixture('images-household')), loadRuleSet(bundledRuleSetSource).defaults, []);
    expect(Object.keys(facts).sort()).toEqual([...FACT_NAMES].sort());
  });

  it('fails loading when a rule cites an id that does not exist', () => {
    const issues = issuesOf(withFiles((f) => (f.referral.rules[0].event.params.decision = 'R99')));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'referral', path: 'rules[0].event.params.decision' }));
  });
});

describe('rule files are validated before use', () => {
  it('an unknown operator', () => {
    const issues = issuesOf(withFiles((f) => (f.referral.rules[0].conditions.all = [{ fact: 'concernTypes', operator: 'matchesRegex', value: '.*' }])));
    // The leaf form is the one plainly meant, so its operator is named, with the operators allowed.
    expect(issues[0]).toMatchObject({ file: 'referral', path: 'rules[0].conditions.all[0].operator', message: expect.stringMatching(/^must be one of: "equal", "notEqual", /) });
  });

  it('json-rules-engine operator decorators are not allowed either', () => {
    const issues = issuesOf(withFiles((f) => (f.referral.rules[0].conditions.all = [{ fact: 'concernTypes', operator: 'someFact:equal', value: 'x' }])));
    expect(issues.length).toBeGreaterThan(0);
  });

  it('a malformed condition, an unknown fact, a list value for a scalar operator', () => {
    const issues = issuesOf(
      withFiles((f) => {
        f.referral.rules[0].conditions = { all: [{ fact: 'somePersonUsedIctToContactChildren' }] };
        f.assessment.rules[1].conditions = { all: [{ fact: 'noSuchFact', operator: 'equal', value: true }] };
        f.assessment.rules[2].conditions = { all: [{ fact: 'largestImageCount', operator: 'greaterThan', value: [1, 2] }] };
      }),
    );
    expect(issues.map((i) => `${i.file} ${i.path}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^referral rules\[0\]\.conditions/),
        'assessment rules[1].conditions.all[0].fact',
        'assessment rules[2].conditions.all[0].value',
      ]),
    );
  });

  it('a duplicate rule name, an unknown named condition, a cycle of named conditions', () => {
    const issues = issuesOf(
      withFiles((f) => {
        f.outcomes.rules[1].name = f.outcomes.rules[0].name;
        f.outcomes.rules[2].conditions = { all: [{ condition: 'nowhere' }] };
        f.outcomes.conditions.loop = { condition: 'loop' };
        f.outcomes.rules[3].conditions = { all: [{ condition: 'loop' }] };
      }),
    );
    const messages = issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(messages).toMatch(/rules\[1\]\.name: repeats the rule name/);
    expect(messages).toMatch(/unknown named condition "nowhere"/);
    expect(messages).toMatch(/refers to itself through loop → loop/);
  });

  it('an output or consideration that the catalogue does not know', () => {
    const issues = issuesOf(
      withFiles((f) => {
        f.referral.rules[0].event.params.outputs.push({ type: 'action', id: 'do-something-else' });
        f['strategy-discussion'].rules[0].event.params.consideration = 'impact-on-child';
      }),
    );
    expect(issues.map((i) => i.message).join('\n')).toMatch(/not a action of the catalogue[\s\S]*belongs to SD2, not SD1/);
  });

  it('refuses fact references in event params and fact params', () => {
    const inParams = issuesOf(withFiles((f) => (f.referral.rules[0].event.params.outputs[0].id = { fact: 'concernTypes' })));
    expect(inParams.length).toBeGreaterThan(0);
    const withFactParams = issuesOf(
      withFiles((f) => (f.referral.rules[0].conditions.all = [{ fact: 'concernTypes', operator: 'contains', value: 'x', params: { a: 1 } }])),
    );
    expect(withFactParams.length).toBeGreaterThan(0);
    const nonParameterRef = issuesOf(
      withFiles((f) => (f.assessment.rules[3].conditions = { all: [{ fact: 'seriousRiskImageLevel', operator: 'greaterThan', value: { fact: 'someChildVisiting' } }] })),
    );
    expect(nonParameterRef[0]!.message).toMatch(/may only refer to a parameter/);
  });

  it('a JSONPath `path` that would run code is rejected, and the code never runs', async () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__pwned;
    const payload = "$..[?(@.constructor.constructor('globalThis.__pwned = true')())]";
    const source = withFiles((f) => {
      f.referral.rules[0].conditions.all = [{ fact: 'concernTypes', operator: 'contains', value: 'x', path: payload }];
      f.referral.rules[1].conditions.all = [{ fact: 'concernTypes', operator: 'contains', value: { fact: 'concernTypes', path: payload } }];
    });
    const issues = issuesOf(source);
    const paths = issues.map((i) => i.path).join(' ');
    expect(paths).toMatch(/rules\[0\]\.conditions/);
    expect(paths).toMatch(/rules\[1\]\.conditions/);
    expect(() => createEvaluator({ ruleSet: source })).toThrow(RuleSetError);
    // The engine itself is also given an own-property resolver, so even a path slipped past the schema runs nothing.
    const ruleSet = loadRuleSet(bundledRuleSetSource);
    const engine = buildEngine([]);
    expect((engine as unknown as { pathResolver: unknown }).pathResolver).toBe(ownPropertyPathResolver);
    engine.addRule({ name: 'smuggled', conditions: { all: [{ fact: 'concernTypes', operator: 'equal', value: 1, path: payload }] }, event: { type: 'x' } } as never);
    const snapshot = parseCaseSnapshot(caseFixture('images-household'));
    await runEngine(engine, deriveFacts(snapshot, ruleSet.defaults, ruleSet.section15Versions).facts);
    expect(g.__pwned).toBeUndefined();
  });
});

describe('R4 cannot be silent on valid input, so its silence is shown at the rule', () => {
  it('R4 is silent when no concern is of a referral type (rule-level check)', async () => {
    const ruleSet = loadRuleSet(bundledRuleSetSource);
    const snapshot = parseCaseSnapshot(caseFixture('images-quiet'));
    const derived = deriveFacts(snapshot, ruleSet.defaults, ruleSet.section15Versions);
    const noReferral = { ...derived.facts, concernTypes: { value: [], unknown: [], phrases: [] } };
    const input = { facts: noReferral, context: derived.context, parameters: ruleSet.defaults };
    const r4 = ruleSet.rules.find((r) => r.event.params.decision === 'R4')!;
    const r3 = ruleSet.rules.find((r) => r.event.params.decision === 'R3')!;
    const withFamily = { ...input, facts: { ...noReferral, familyInformed: { value: false, unknown: [], phrases: [] } } };
    // Both engines: the compiled one and json-rules-engine over the lowered rules.
    const compiled = compileRules(ruleSet.rules);
    expect(compiled(input).get(r4.name)!.result).toBe(false);
    expect(compiled(withFamily).get(r3.name)!.result).toBe(false);
    const reference = jsonRulesEngineRunner(ruleSet);
    expect((await reference(input)).get(r4.name)!.result).toBe(false);
    expect((await reference(withFamily)).get(r3.name)!.result).toBe(false);
    // And on the real facts, R4 fires.
    expect(compiled({ ...input, facts: derived.facts }).get(r4.name)!.result).toBe(true);
  });
});
