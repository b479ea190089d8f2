import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInCalendar, calendarFromGovUk, createEvaluator, evaluate, withClosures } from '../../src/index.js';
import { caseFixture } from '../helpers/cases.js';
import { caseSnapshotJsonSchema, decisionJsonSchema, ruleFileJsonSchema } from '../../src/schemas/jsonSchemas.js';

const icpc = async (input: Record<string, any>, options?: Parameters<typeof evaluate>[1]) =>
  (await evaluate(input, options)).deadlines.find((d) => d.id === 'initial-child-protection-conference');

describe('the ICPC deadline (O1)', () => {
  it('counts from the last strategy discussion by default, whatever order they are listed in', async () => {
    const input = caseFixture('images-household');
    input.process.strategyDiscussions = [
      { date: '2026-11-20', childrenPotentiallyAtRisk: true },
      { date: '2026-11-10', childrenPotentiallyAtRisk: true },
    ];
    expect(await icpc(input)).toMatchObject({ from: '2026-11-20', due: '2026-12-11' });
  });

  it('icpcFrom section-47-strategy-discussion counts from the discussion that initiated the enquiry', async () => {
    const input = caseFixture('images-household');
    input.process.strategyDiscussions = [
      { date: '2026-11-10', childrenPotentiallyAtRisk: true },
      { date: '2026-11-20', childrenPotentiallyAtRisk: true },
    ];
    input.process.section47.initiatedOn = '2026-11-10';
    const d = await icpc(input, { parameters: { icpcFrom: 'section-47-strategy-discussion' } });
    expect(d).toMatchObject({ from: '2026-11-10', due: '2026-12-01', basis: expect.stringContaining('at which the Section 47 enquiry was initiated') });
    // Without a recorded initiation date: the earliest discussion that found children at risk.
    input.process.section47.initiatedOn = null;
    expect(await icpc(input, { parameters: { icpcFrom: 'section-47-strategy-discussion' } })).toMatchObject({ from: '2026-11-10' });
  });

  it('on the weekend after the due day it is overdue with 0 working days left, not -0', async () => {
    const input = caseFixture('images-household');
    input.asOf = '2026-12-12'; // Saturday; due Friday 11 December
    const d = await icpc(input);
    expect(d).toMatchObject({ status: 'overdue', due: '2026-12-11' });
    expect(Object.is(d!.workingDaysLeft, 0)).toBe(true);
  });

  it('says late when the conference was held after the due day, and the working days it ran over', async () => {
    const input = caseFixture('images-household');
    input.asOf = '2026-12-18';
    input.process.initialChildProtectionConferenceOn = '2026-12-15';
    expect(await icpc(input)).toMatchObject({ status: 'late', heldOn: '2026-12-15', workingDaysLeft: -5 });
  });

  it('is 0 working days left on the due day itself', async () => {
    const input = caseFixture('images-household');
    input.asOf = '2026-12-11';
    expect(await icpc(input)).toMatchObject({ status: 'pending', workingDaysLeft: 0 });
  });

  it('accepts a calendar built from a GOV.UK feed, and closure days', async () => {
    const feed = JSON.parse(readFileSync(new URL('../fixtures/govuk-bank-holidays.json', import.meta.url), 'utf8'));
    const input = caseFixture('images-household');
    expect(await icpc(input, { calendar: calendarFromGovUk(feed, 'england-and-wales') })).toMatchObject({ due: '2026-12-11' });
    expect(await icpc(input, { calendar: withClosures(builtInCalendar('england-and-wales'), ['2026-12-01', '2026-12-02'], 'la-closures') })).toMatchObject({
      due: '2026-12-15',
      calendar: 'la-closures',
    });
    const evaluator = createEvaluator({ calendar: { closures: ['2026-12-01'] } });
    expect((await evaluator.evaluate(input)).deadlines[0]).toMatchObject({ due: '2026-12-14', calendar: 'england-and-wales+closures' });
  });

  it('outside the calendar it never guesses: no deadline, and a caution that names the range', async () => {
    const input = caseFixture('images-household');
    input.asOf = '2040-12-20';
    input.process.strategyDiscussions = [{ date: '2040-12-20', childrenPotentiallyAtRisk: true }];
    const d = await evaluate(input);
    expect(d.deadlines).toEqual([]);
    expect(d.cautions.find((c) => c.id === 'deadline-outside-calendar')?.because[0]).toMatch(/covers 1 January 2012 to 31 December 2040/);
  });
});

describe('generated JSON Schemas in docs/ are current', () => {
  it('docs/rule-file.schema.json, docs/case-snapshot.schema.json and docs/decision.schema.json match the zod schemas', () => {
    const read = (name: string) => JSON.parse(readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8'));
    expect(read('rule-file.schema.json')).toEqual(JSON.parse(JSON.stringify(ruleFileJsonSchema())));
    expect(read('case-snapshot.schema.json')).toEqual(JSON.parse(JSON.stringify(caseSnapshotJsonSchema())));
    expect(read('decision.schema.json')).toEqual(JSON.parse(JSON.stringify(decisionJsonSchema())));
  });
});
