import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';

/**
 * The rule language's quantifiers, date comparisons, safe readings and words,
 * each written as a local rule in an overlay and run on both engines (the
 * compiled one and json-rules-engine with the quantifiers lowered), so the
 * semantics are shown where a partnership would use them.
 */
type Json = any;
const rule = (name: string, conditions: Json) => ({
  name,
  conditions,
  event: {
    type: 'decision',
    params: { decision: `local:${name}`, section: 'Local', paraphrase: `test rule ${name}`, outputs: [{ type: 'action', id: 'local:check' }] },
  },
});
const overlay = (rules: Json[]) => ({
  id: 'language-test',
  version: '1',
  description: 'rule language test',
  source: 'tests',
  outputs: { actions: { 'local:check': { title: 'Check' } } },
  add: rules,
});

const child = (extra: Json) => ({ ref: 'C1', relationship: 'household', increasedLikelihoodOfSignificantHarm: false, ...extra });
const withChildren = (children: Json) => ({ ...caseFixture('images-household'), children });

async function judge(rules: Json[], snapshot: Json): Promise<Record<string, { result: string; because: string[]; unknown: string[] }>> {
  const out: Record<string, { result: string; because: string[]; unknown: string[] }>[] = [];
  for (const engine of ['compiled', 'json-rules-engine'] as const) {
    const decision = await createEvaluator({ engine, overlays: [overlay(rules)] }).evaluate(snapshot);
    const action = decision.requiredActions.find((a) => a.id === 'local:check');
    out.push(
      Object.fromEntries(
        decision.trace!.filter((t) => t.rule.startsWith('r-')).map((t) => [
          t.rule,
          {
            result: t.result,
            because: t.result === 'fired' && action ? action.because : [],
            unknown: decision.informationNeeded.filter((n) => n.decides.includes(t.decision)).map((n) => n.path),
          },
        ]),
      ),
    );
  }
  expect(out[1]).toEqual(out[0]);
  return out[0]!;
}

describe('the rule language', () => {
  it('some / every / none over a list, in Kleene logic: an unknown item leaves the answer open only while it could change it', async () => {
    const ilsh = { fact: 'child.increasedLikelihoodOfSignificantHarm', operator: 'equal', value: true };
    const rules = [rule('r-some', { all: [{ some: 'children', as: 'child', where: ilsh }] }), rule('r-every', { all: [{ every: 'children', as: 'child', where: ilsh }] }), rule('r-none', { all: [{ none: 'children', as: 'child', where: ilsh }] })];
    // One known yes and one unknown: some is true, every is open, none is false.
    let r = await judge(rules, withChildren([child({ increasedLikelihoodOfSignificantHarm: true }), child({ ref: 'C2', increasedLikelihoodOfSignificantHarm: null })]));
    expect([r['r-some']!.result, r['r-every']!.result, r['r-none']!.result]).toEqual(['fired', 'undetermined', 'silent']);
    expect(r['r-every']!.unknown).toEqual(['children[1].increasedLikelihoodOfSignificantHarm']);
    // One known no and one unknown: some is open, every is false, none is open.
    r = await judge(rules, withChildren([child({}), child({ ref: 'C2', increasedLikelihoodOfSignificantHarm: null })]));
    expect([r['r-some']!.result, r['r-every']!.result, r['r-none']!.result]).toEqual(['undetermined', 'silent', 'undetermined']);
    // An empty list: some false, every and none true. An absent list: all three unknown, and the list is asked for.
    r = await judge(rules, withChildren([]));
    expect([r['r-some']!.result, r['r-every']!.result, r['r-none']!.result]).toEqual(['silent', 'fired', 'fired']);
    const absent = caseFixture('images-household');
    delete absent.children;
    r = await judge(rules, absent);
    expect([r['r-some']!.result, r['r-every']!.result, r['r-none']!.result]).toEqual(['undetermined', 'undetermined', 'undetermined']);
    expect(r['r-some']!.unknown).toEqual(['children']);
  });

  it('because names only the matching items, in the catalogue words or the rule file own words', async () => {
    const rules = [
      rule('r-words', {
        all: [
          {
            some: 'children',
            as: 'child',
            where: { all: [{ fact: 'child.relationship', operator: 'in', value: ['household', 'visiting'], says: '{ref} is around the household' }, { fact: 'child.immediateRiskOfSignificantHarm', operator: 'equal', value: true }] },
          },
        ],
      }),
    ];
    const r = await judge(rules, withChildren([child({ immediateRiskOfSignificantHarm: true }), child({ ref: 'C2', relationship: 'visiting', immediateRiskOfSignificantHarm: false })]));
    expect(r['r-words']!.result).toBe('fired');
    expect(r['r-words']!.because).toEqual(['C1 is around the household', 'C1, who lives in the household, is at immediate risk of significant harm']);
  });

  it('a safe reading takes an unknown as the reading given and asks for what could change it', async () => {
    const where = { fact: 'child.increasedLikelihoodOfSignificantHarm', operator: 'equal', value: true };
    const rules = [
      rule('r-safe', { all: [{ none: 'children', as: 'child', where, safeReading: true, saysUnknown: 'no child is known to be at increased likelihood' }] }),
      rule('r-plain', { all: [{ none: 'children', as: 'child', where }] }),
    ];
    const r = await judge(rules, withChildren([child({ increasedLikelihoodOfSignificantHarm: null })]));
    expect(r['r-plain']!.result).toBe('undetermined');
    expect(r['r-safe']!.result).toBe('fired');
    expect(r['r-safe']!.because).toEqual(['no child is known to be at increased likelihood']);
    expect(r['r-safe']!.unknown).toEqual(['children[0].increasedLikelihoodOfSignificantHarm']);
  });

  it('dates compare with before / after against another date fact; an event not recorded compares false', async () => {
    const rules = [rule('r-date', { all: [{ some: 'concerns', as: 'concern', where: { fact: 'concern.identifiedOn', operator: 'after', value: { fact: 'lastStrategyDiscussionOn' } } }] })];
    const base = caseFixture('images-household');
    let r = await judge(rules, base);
    expect(r['r-date']!.result).toBe('silent');
    r = await judge(rules, { ...base, concerns: [...base.concerns, { ...base.concerns[0], ref: 'CN9', identifiedOn: '2026-11-25' }] });
    expect(r['r-date']!.result).toBe('fired');
    r = await judge(rules, { ...base, process: { ...base.process, strategyDiscussions: [] } });
    expect(r['r-date']!.result).toBe('silent');
  });

  it('a nested list ("a concern about this person") and the roles as lists with unknown members', async () => {
    const rules = [
      rule('r-nested', { all: [{ some: 'personsOfConcern', as: 'person', where: { some: 'person.contactConcerns', as: 'concern' } }] }),
      rule('r-role', { all: [{ some: 'contactPersons', as: 'person' }] }),
    ];
    const grooming = caseFixture('grooming');
    let r = await judge(rules, grooming);
    expect([r['r-nested']!.result, r['r-role']!.result]).toEqual(['fired', 'fired']);
    r = await judge(rules, caseFixture('images-household'));
    expect([r['r-nested']!.result, r['r-role']!.result]).toEqual(['silent', 'silent']);
    // A concern's attribute read through the nested list: the grooming meeting there has no concern record, so its
    // date is unknown and nothing is asked for it; the online-grooming concern's date decides.
    const dated = (operator: string) => [
      rule('r-dated', {
        all: [{ some: 'personsOfConcern', as: 'person', where: { some: 'person.contactConcerns', as: 'concern', where: { fact: 'concern.identifiedOn', operator, value: '2026-11-20' } } }],
      }),
    ];
    r = await judge(dated('after'), grooming);
    expect(r['r-dated']!.result).toBe('fired');
    r = await judge(dated('before'), grooming);
    expect(r['r-dated']!.result).toBe('undetermined');
    expect(r['r-dated']!.unknown).toEqual([]);
  });
});
