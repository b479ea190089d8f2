import { describe, expect, it } from 'vitest';
import { CaseValidationError, createEvaluator, decisionSchema, evaluate } from '../../src/index.js';
import { Engine } from 'json-rules-engine';
import { runEngine } from '../../src/engine/runEngine.js';
import { kleeneAll, kleeneAny, kleeneNot } from '../../src/engine/kleene.js';
import { caseFixture, deepFreeze } from '../helpers/cases.js';

const ruleResult = (d: Awaited<ReturnType<typeof evaluate>>, rule: string) => d.trace!.find((t) => t.rule === rule)?.result;

describe('three-valued logic', () => {
  it('follows the Kleene truth tables', () => {
    const values = [true, false, null] as const;
    for (const a of values) {
      expect(kleeneNot(a)).toBe(a === null ? null : !a);
      for (const b of values) {
        expect(kleeneAll([a, b])).toBe(a === false || b === false ? false : a === null || b === null ? null : true);
        expect(kleeneAny([a, b])).toBe(a === true || b === true ? true : a === null || b === null ? null : false);
      }
    }
  });

  it('never reads an unknown fact as false: the rule is undetermined and says what is needed', async () => {
    const input = caseFixture('images-household');
    input.carers = null;
    const d = await evaluate(input);
    expect(ruleResult(d, 'protective-carer')).toBe('undetermined');
    expect(d.considerations.find((c) => c.id === 'protective-carer')?.status).toBe('unknown');
    expect(d.informationNeeded).toContainEqual({
      path: 'carers',
      question: 'Is the other parent, or another carer in the household, able to protect the child? Does the protective carer have a support network?',
      subject: { kind: 'carers', ref: null },
      fields: ['carers.otherCarerAbleToProtect', 'carers.supportNetworkIdentified'],
      decides: ['SD13'],
    });
    expect(d.riskIndicators.map((r) => r.id)).not.toContain('no-protective-carer');
  });

  it('a known true part decides `any`, a known false part decides `all`, whatever is unknown', async () => {
    const input = caseFixture('grooming');
    input.personsOfConcern[0].usedIctToContactChildren = true;
    input.personsOfConcern[0].roles = null; // A1's other branch is now unknown
    const d = await evaluate(input);
    expect(ruleResult(d, 'used-ict-to-contact-children')).toBe('fired');
    expect(d.informationNeeded.find((n) => n.path === 'personsOfConcern[0].roles')?.decides ?? []).not.toContain('A1');
    input.process.section47 = { initiatedOn: null, status: null };
    input.process.strategyDiscussions = [{ date: '2026-11-25', childrenPotentiallyAtRisk: false }];
    const d2 = await evaluate(input);
    expect(ruleResult(d2, 'safeguard-during-enquiry')).toBe('silent'); // status unknown, but the discussion found no risk
  });

  it('the risk level is never low', async () => {
    // A grooming concern naming no one among two persons: whom it is about is unknown, so A1 is undetermined.
    const input = caseFixture('grooming');
    input.personsOfConcern[0].usedIctToContactChildren = false;
    input.personsOfConcern.push({ ...input.personsOfConcern[0], ref: 'P3' });
    input.concerns = [{ type: 'online-grooming', evidence: 'suspected', identifiedOn: '2026-11-23' }];
    input.groomingMeeting = null;
    const d = await evaluate(input);
    expect(d.riskIndicators).toEqual([]);
    expect(ruleResult(d, 'used-ict-to-contact-children')).toBe('undetermined');
    expect(d.riskLevel).toBe('unknown');
    // An adult who exposed a child to sexual images over a games console holds the contact role: high (revision 2).
    input.personsOfConcern.pop();
    input.concerns = [{ type: 'exposure-to-sexual-images', evidence: 'actual', channels: ['games-console'], personRef: 'P2', identifiedOn: '2026-11-23' }];
    const e = await evaluate(input);
    expect(e.riskLevel).toBe('high');
    expect(e.requiredActions.map((a) => a.id)).toContain('no-unsupervised-contact');
  });
});

describe('the decision', () => {
  it('matches the decision.md example for the case-snapshot.md example', async () => {
    const d = await evaluate(caseFixture('images-household'));
    expect(decisionSchema.parse(d)).toEqual(d);
    expect(d.caseId).toBe('LA-2026-00412');
    expect(d.riskLevel).toBe('high');
    expect(d.ruleSet).toMatchObject({ id: 'child-abuse-ict', version: '2023-12-07.2' });
    const { canonicalJson } = await import('../../src/ruleSet/hashRuleSet.js');
    const { bundledRuleSetSource: src } = await import('../../src/index.js');
    const { createHash } = await import('node:crypto');
    const text = canonicalJson({ id: src.id, version: src.version, files: src.files, catalogue: src.catalogue, parameters: src.parameters });
    expect(d.ruleSet.hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    expect(d.priority).toBe('urgent');
    expect(d.parameters.sentencingCouncilLevels).toEqual({ A: 10, B: 8, C: 6 });
    expect(d.requiredActions.find((a) => a.id === 'refer-to-police')).toEqual({
      id: 'refer-to-police',
      title: 'Refer to the Police',
      urgency: 'urgent',
      done: true,
      doneOn: '2026-11-16',
      because: [
        'concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026',
        'concern CN1 was referred to the Police on 16 November 2026',
      ],
      sources: [{ section: 'Referral', decision: 'R1', seed: [40] }],
    });
    expect(d.requiredActions.find((a) => a.id === 'convene-initial-child-protection-conference')).toMatchObject({
      urgency: 'urgent',
      done: false,
      because: ['C1, who lives in the household, has been found to have an increased likelihood of significant harm'],
      sources: [{ section: 'Outcomes', decision: 'O1', seed: [155] }],
    });
    expect(d.requiredActions.find((a) => a.id === 'decide-on-strategy-discussion')).toMatchObject({
      done: true,
      doneOn: '2026-11-20',
      because: [
        'concern CN1: actual evidence that P1 accessed indecent images of children, identified on 16 November 2026',
        'a strategy discussion was held on 20 November 2026',
      ],
    });
    const safeguard = d.requiredActions.find((a) => a.id === 'safeguard-during-enquiry')!;
    expect(safeguard).toMatchObject({ urgency: 'urgent', done: true });
    expect(safeguard.doneOn).toBeUndefined();
    expect(safeguard.because).toEqual([
      'the last strategy discussion, on 20 November 2026, found children potentially at risk',
      'the Section 47 enquiry is ongoing',
      'C1 lives in the household',
      'the person of concern is living away from the family home',
    ]);
    expect(d.proceduresTriggered.find((p) => p.id === 'initial-child-protection-conference')).toMatchObject({
      mode: 'required',
      because: ['C1, who lives in the household, has been found to have an increased likelihood of significant harm'],
    });
    expect(d.considerations.find((c) => c.decision === 'SD4')).toMatchObject({ status: 'not-applicable', because: ['no one is recorded as contacting a child'] });
    expect(d.considerations.find((c) => c.decision === 'SD7')).toMatchObject({ status: 'unknown', because: [] });
    expect(d.informationNeeded).toContainEqual({
      path: 'personsOfConcern[0].accessToChildren.voluntaryOrYouthWork',
      question: 'Does P1 do voluntary or youth work with children (for example as a scout leader or sports coach)?',
      subject: { kind: 'person', ref: 'P1' },
      decides: ['R5', 'SD7', 'SD12'],
    });
    expect(d.dataWarnings).toEqual([]);
    expect(d.deadlines[0]).toMatchObject({
      id: 'initial-child-protection-conference',
      due: '2026-12-11',
      from: '2026-11-20',
      calendar: 'england-and-wales',
      status: 'pending',
      workingDaysLeft: 9,
      basis: '15 working days after the last strategy discussion (20 November 2026)',
      cautions: [],
      because: [
        'C1, who lives in the household, has been found to have an increased likelihood of significant harm',
        'counted from the last strategy discussion, on 20 November 2026',
      ],
      sources: [{ section: 'Outcomes', decision: 'O1', seed: [155] }],
    });
    expect(d.riskIndicators[0]).toMatchObject({ id: 'highest-level-images', level: 'high', sources: [{ section: 'Assessment', decision: 'A4', seed: [153, 79, 30] }] });
    expect(d.riskIndicators[0]!.because).toEqual(["P1's images reach level 8 (Assault) on the COPINE scale, one of the highest levels"]);
    expect(d.cautions[0]).toMatchObject({ id: 'discuss-with-agencies-before-family' });
    expect(d.cautions[0]!.because).toEqual(['the family has not been told yet', "the Police and Children's Services were consulted on 16 November 2026"]);
    expect(d.s15).toBeNull();
    expect(d.trace).toHaveLength(createEvaluator().ruleSet.rules.length);
  });

  it('is sorted by urgency then id, and merges an output produced by several rules', async () => {
    const input = caseFixture('grooming'); // R2 and S15 both ask for refer-to-police
    input.process.agenciesConsultedOn = null;
    const d = await evaluate(input);
    const order = { immediate: 0, urgent: 1, routine: 2 } as const;
    const keys = d.requiredActions.map((a) => `${order[a.urgency]}${a.id}`);
    expect(keys).toEqual([...keys].sort());
    const police = d.requiredActions.filter((a) => a.id === 'refer-to-police');
    expect(police).toHaveLength(1);
    expect(police[0]!.sources.map((s) => s.decision)).toEqual(['R2', 'S15']);
    expect(police[0]!.done).toBe(false);
  });

  it('merging keeps the most urgent urgency', async () => {
    const input = caseFixture('images-household');
    input.children.push({ ref: 'C2', age: 5, relationship: 'visiting', immediateRiskOfSignificantHarm: true });
    const d = await evaluate(input);
    const impact = d.requiredActions.find((a) => a.id === 'assess-impact-and-needs')!;
    expect(impact.sources.map((s) => s.decision)).toEqual(['SD2', 'SD3']);
    expect(d.requiredActions[0]!.urgency).toBe('immediate');
  });
});

describe('purity and concurrency', () => {
  it('does not mutate its input (deep-frozen) and gives deep-equal output for equal input', async () => {
    const frozen = deepFreeze(caseFixture('images-household'));
    const a = await evaluate(frozen);
    const b = await evaluate(caseFixture('images-household'));
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain JSON
  });

  it('1,000 concurrent evaluations on one evaluator equal sequential ones', async () => {
    const evaluator = createEvaluator();
    const names = ['images-household', 'images-quiet', 'grooming'];
    const inputs = Array.from({ length: 1000 }, (_, i) => {
      const input = caseFixture(names[i % names.length]!);
      input.caseId = `C-${i}`;
      if (i % 7 === 0) input.asOf = '2026-12-31';
      return input;
    });
    const sequential = [];
    for (const input of inputs) sequential.push(await evaluator.evaluate(input));
    const concurrent = await Promise.all(inputs.map((input) => evaluator.evaluate(input)));
    expect(concurrent).toEqual(sequential);
  });

  it('runs each evaluation on its own view of the engine, so a finishing run never cuts another short', async () => {
    // json-rules-engine keeps RUNNING/FINISHED on the Engine: with priority sets and staggered
    // starts, a run that finishes makes others skip their remaining rules.
    const rules = [3, 2, 1].map((p) => ({ name: `r${p}`, priority: p, conditions: { all: [{ fact: 'x', operator: 'equal', value: 1 }] }, event: { type: `e${p}` } }));
    const staggered = async (run: () => Promise<number>) => {
      const runs: Promise<number>[] = [];
      for (let i = 0; i < 20; i += 1) {
        runs.push(run());
        for (let k = 0; k < i % 5; k += 1) await Promise.resolve();
      }
      return Promise.all(runs);
    };
    const shared = new Engine(rules);
    const raw = await staggered(async () => {
      const r = await shared.run({ x: 1 });
      return r.results.length + r.failureResults.length;
    });
    expect(Math.min(...raw)).toBeLessThan(3); // the hazard exists in the library as pinned
    const viewed = new Engine(rules);
    const facts = { x: { value: 1, unknown: [], phrases: [] } };
    const ours = await staggered(async () => (await runEngine(viewed, facts)).size);
    expect(ours).toEqual(Array(20).fill(3));
  });

  it('rejects bad options with a typed error', async () => {
    await expect(evaluate(caseFixture('images-quiet'), { parameters: { icpcWorkingDays: -3 } })).rejects.toBeInstanceOf(CaseValidationError);
  });
});
