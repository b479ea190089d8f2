import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { RULE_LIMITS, RuleSetError, bundledRuleSetSource, createEvaluator, evaluate, loadRuleSet } from '../../src/index.js';
import type { RuleSetIssue } from '../../src/ruleSet/errors.js';
import { readRuleSetFolder } from '../../src/ruleSet/readRuleSetFolder.js';
import { readOverlayFiles } from '../../src/overlays/readOverlayFile.js';
import { caseFixture } from '../helpers/cases.js';

/*
 * Rule files and overlays written as an attacker would (issue 10): each is
 * refused with a RuleSetError naming file, path and (for a limit) which
 * limit, within a second, and nothing reaches Object.prototype.
 */

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

function withFiles(change: (files: Record<string, Json>) => void) {
  const source = clone(bundledRuleSetSource) as typeof bundledRuleSetSource & { files: Record<string, Json> };
  change(source.files);
  return source;
}

/** Runs `fn`, which must throw a RuleSetError within a second, and returns its issues. */
function refused(fn: () => unknown): readonly RuleSetIssue[] {
  const started = performance.now();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - started;
  expect(error, 'expected a RuleSetError').toBeInstanceOf(RuleSetError);
  expect(ms, 'rejected within a second').toBeLessThan(1000);
  return (error as RuleSetError).issues;
}
const messages = (issues: readonly RuleSetIssue[]) => issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n');

const ruleO2 = (conditions: Json) => ({
  name: 'hostile-rule',
  source: { seed: [157] },
  conditions,
  event: { type: 'decision', params: { decision: 'O2', section: 'Outcomes', paraphrase: 'x', outputs: [{ type: 'action', id: 'complete-assessment' }] } },
});

/** 22 named conditions, each referring twice to the next: about 1.5 KB that expands to 2^23 nodes. */
function doublingConditions(levels = 22): Record<string, Json> {
  const conditions: Record<string, Json> = {};
  for (let i = 0; i < levels; i += 1) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
  conditions[`c${levels}`] = { fact: 'strategyDiscussionHeld', operator: 'equal', value: true };
  return conditions;
}

const overlay = (extra: Json): Json => ({ id: 'local-test', version: '1', description: 'test overlay', source: 'a test', ...extra });

describe('hostile rule files', () => {
  it('a 1.5 KB file of doubling named conditions (2^23 nodes expanded) is refused by the node limit, instead of stalling every evaluation', () => {
    const source = withFiles((f) => {
      f.hostile = { branch: 'hostile', section: 'Outcomes', conditions: doublingConditions(), rules: [ruleO2({ all: [{ condition: 'c0' }] })] };
    });
    expect(JSON.stringify(source.files.hostile).length).toBeLessThan(1600);
    const issues = refused(() => loadRuleSet(source));
    expect(issues.some((i) => i.limit === 'ruleNodes' && i.file === 'hostile')).toBe(true);
    expect(messages(issues)).toMatch(/hostile conditions\.c\d+: expands to [\d,]+ condition nodes, beyond the limit of 2,000 condition nodes in one rule/);
    refused(() => createEvaluator({ ruleSet: source }));
  });

  it('a misspelt enum value is refused, naming file, path and the allowed values', () => {
    const issues = refused(() => loadRuleSet(withFiles((f) => (f.outcomes.rules[1].conditions.any[0].value = 'not-substantiated-other-need'))));
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'outcomes', path: 'rules[1].conditions.any[0].value', message: expect.stringMatching(/"not-substantiated-other-need" is not a value of section47Status \(one of: ongoing,/) }),
    );
  });

  it('"true" as a string for a boolean fact is refused (it would silently remove the ICPC deadline)', async () => {
    const source = withFiles((f) => (f.outcomes.rules[0].conditions.all[0].where.all[1].value = 'true'));
    const issues = refused(() => loadRuleSet(source));
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'outcomes', path: 'rules[0].conditions.all[0].where.all[1].value', message: expect.stringMatching(/must be true or false, not the string "true"/) }),
    );
    // The bundled rules still give the deadline on the example case.
    expect((await evaluate(caseFixture('images-household'))).deadlines.map((d) => d.id)).toEqual(['initial-child-protection-conference']);
  });

  it('a quantifier is type-checked: its list, its variable, each attribute and its words', () => {
    const issues = refused(() =>
      loadRuleSet(
        withFiles((f) => {
          const o1 = f.outcomes.rules[0].conditions.all;
          o1[0] = { some: 'childrens', as: 'child', where: { fact: 'child.relationship', operator: 'equal', value: 'household' } };
          o1.push({ some: 'children', as: 'child', where: { fact: 'kid.relationship', operator: 'equal', value: 'household' } });
          o1.push({ some: 'children', as: 'child', where: { fact: 'child.relation', operator: 'equal', value: 'household' } });
          o1.push({ some: 'children', as: 'child', where: { fact: 'child.relationship', operator: 'equal', value: 'housheold' } });
          o1.push({ some: 'children', as: 'child', where: { some: 'children', as: 'child' } });
          o1.push({ some: 'children', as: 'child', where: { some: 'child.contactConcerns', as: 'concern' } });
          o1.push({ fact: 'child.relationship', operator: 'equal', value: 'household' });
          o1.push({ some: 'children', as: 'child', saysNone: 'no {name} here' });
          o1.push({ some: 'children', as: 'child', where: { fact: 'child.identified', operator: 'before', value: '2026-01-01' } });
        }),
      ),
    );
    const at = (path: string, message: RegExp) => expect(issues).toContainEqual(expect.objectContaining({ file: 'outcomes', path: `rules[0].conditions.${path}`, message: expect.stringMatching(message) }));
    at('all[0].some', /is not a list of the fact catalogue \(one of: children, assessableChildren/);
    at('all[1].where.fact', /names "kid", which no enclosing some, every or none binds/);
    at('all[2].where.fact', /is not an attribute of a child \(one of: relationship,/);
    at('all[3].where.value', /"housheold" is not a value of child\.relationship/);
    at('all[4].where.as', /is already bound/);
    // A list of the snapshot nested in another quantifier would multiply the work by its size.
    at('all[4].where.some', /cannot quantify over a list of the snapshot inside another quantifier/);
    at('all[5].where.some', /is not a list of a child \(it has none\)/);
    at('all[6].fact', /names "child", which no enclosing some, every or none binds/);
    at('all[7].saysNone', /unknown placeholder/);
    at('all[8].where.operator', /cannot test child\.identified, whose value is true or false/);
  });

  it('contains on a fact that is not a list is refused', () => {
    const issues = refused(() => loadRuleSet(withFiles((f) => (f.outcomes.rules[0].conditions.all[0].where.all[1] = { fact: 'child.increasedLikelihoodOfSignificantHarm', operator: 'contains', value: true }))));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'outcomes', path: 'rules[0].conditions.all[0].where.all[1].operator', message: expect.stringMatching(/it is not a list/) }));
  });

  it('a list value outside its enum, a number compared with a string, and a done fact that is not a boolean', () => {
    const issues = refused(() =>
      loadRuleSet(
        withFiles((f) => {
          f.referral.rules[0].conditions.all[0] = { fact: 'concernTypes', operator: 'containsAny', value: ['indecent-images-accesed'] };
          f.assessment.rules[0].conditions = { all: [{ fact: 'icpcWorkingDays', operator: 'equal', value: '15' }] };
          f.outcomes.rules[0].event.params.outputs[2].doneWhen = 'section47Status';
        }),
      ),
    );
    expect(issues.map((i) => `${i.file} ${i.path}`)).toEqual(
      expect.arrayContaining(['referral rules[0].conditions.all[0].value[0]', 'assessment rules[0].conditions.all[0].value', 'outcomes rules[0].event.params.outputs[2].doneWhen']),
    );
  });

  it('an empty rule set is refused (every decision would say nothing)', () => {
    expect(messages(refused(() => loadRuleSet({ ...bundledRuleSetSource, files: {} })))).toMatch(/has no rule files/);
    expect(messages(refused(() => createEvaluator({ ruleSet: { ...bundledRuleSetSource, files: {} } })))).toMatch(/has no rule files/);
  });

  it('a rule set that leaves a national decision id unencoded is refused', () => {
    const issues = refused(() => loadRuleSet(withFiles((f) => f.outcomes.rules.splice(0, 1))));
    expect(messages(issues)).toMatch(/leaves decision ids of procedure-map.md unencoded: O1/);
  });

  it('nesting far beyond the limit (1,000 and 100,000 levels) is a RuleSetError naming the limit, never a RangeError', () => {
    for (const levels of [1000, 100_000]) {
      const deep = JSON.parse(`${'{"not":'.repeat(levels)}{"fact":"strategyDiscussionHeld","operator":"equal","value":true}${'}'.repeat(levels)}`);
      const issues = refused(() => loadRuleSet(withFiles((f) => (f.outcomes.rules[1].conditions = deep))));
      expect(issues).toContainEqual(expect.objectContaining({ file: 'outcomes', limit: 'jsonDepth', message: 'exceeds the nesting limit of 32 levels' }));
    }
  });

  it('a chain of named conditions deeper than the limit is refused without recursing through it', () => {
    const conditions: Record<string, Json> = {};
    for (let i = 0; i < 1000; i += 1) conditions[`n${i}`] = { condition: `n${i + 1}` };
    conditions.n1000 = { fact: 'strategyDiscussionHeld', operator: 'equal', value: true };
    const issues = refused(() =>
      loadRuleSet(withFiles((f) => (f.hostile = { branch: 'h', section: 'Outcomes', conditions, rules: [ruleO2({ all: [{ condition: 'n0' }] })] }))),
    );
    expect(issues.some((i) => i.limit === 'conditionDepth')).toBe(true);
  });

  it('an in-memory source whose shared parts expand exponentially is stopped by the value limit', () => {
    let big: Json = [1];
    for (let i = 0; i < 25; i += 1) big = [big, big]; // 2^25 leaves as a tree, 26 objects in memory
    const issues = refused(() => loadRuleSet(withFiles((f) => (f.outcomes.description = big))));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'outcomes', limit: 'jsonValues' }));
  });

  it('__proto__, constructor and prototype keys are refused anywhere, and nothing is polluted', () => {
    const issues = refused(() =>
      loadRuleSet({
        ...withFiles((f) => {
          // JSON.parse makes __proto__ an own key, as a rule file read from disk would have it.
          f.referral.rules[0].event.params = JSON.parse(JSON.stringify(f.referral.rules[0].event.params).replace(/^\{/, '{"__proto__":{"polluted":true},'));
          f.outcomes.conditions.constructor = { fact: 'strategyDiscussionHeld', operator: 'equal', value: true };
        }),
        catalogue: { ...(clone(bundledRuleSetSource.catalogue) as Json), prototype: {} },
      }),
    );
    const text = messages(issues);
    expect(text).toMatch(/referral rules\[0\]\.event\.params\.__proto__: uses __proto__, constructor or prototype/);
    expect(text).toMatch(/outcomes conditions\.constructor: uses __proto__/);
    expect(text).toMatch(/catalogue prototype: uses __proto__/);
    const viaOverlay = refused(() => loadRuleSet(bundledRuleSetSource, [JSON.parse('{"id":"x","version":"1","description":"d","source":"s","parameters":{"__proto__":{"polluted":true}}}')]));
    expect(messages(viaOverlay)).toMatch(/overlay "x" parameters\.__proto__/);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('deeply nested quantifiers are parsed once per node (14 levels: refused within a second, naming the bad operator at the bottom)', () => {
    const nested = (levels: number, bottom: Json): Json => (levels === 0 ? bottom : { none: 'children', as: 'child', where: nested(levels - 1, bottom) });
    const badLeaf = { fact: 'strategyDiscussionHeld', operator: 'matches', value: true };
    const issues = refused(() => loadRuleSet(withFiles((f) => (f.outcomes.rules[0].conditions = { all: [nested(14, badLeaf)] }))));
    expect(messages(issues)).toMatch(/outcomes rules\[0\]\.conditions\.all\[0\](\.where){14}\.operator: must be one of: "equal"/);
    // Valid in form, the same depth reaches the type check, which refuses a snapshot list inside a where.
    const okLeaf = { fact: 'strategyDiscussionHeld', operator: 'equal', value: true };
    expect(messages(refused(() => loadRuleSet(withFiles((f) => (f.outcomes.rules[0].conditions = { all: [nested(14, okLeaf)] })))))).toMatch(/where/);
  });

  it('values that are not JSON data (a function, NaN) are refused', () => {
    const issues = refused(() => loadRuleSet(withFiles((f) => ((f.outcomes.description = () => 1), (f.outcomes.rules[0].priority = Number.NaN)))));
    expect(messages(issues)).toMatch(/outcomes description: is not JSON data/);
    expect(messages(issues)).toMatch(/outcomes rules\[0\]\.priority: must be a finite number/);
  });

  it('a structural mistake is described from the schema: what is required or expected, never the key or value sent', () => {
    const secret = 'Jane Smith DOB 2016-03-02';
    const issues = refused(() =>
      loadRuleSet(
        withFiles((f) => {
          delete f.outcomes.rules[0].name;
          f.outcomes.rules[0].priority = secret;
          f.outcomes.rules[0][secret] = secret;
          f.outcomes.rules[0].event.type = secret;
          // In a union of condition forms, the form plainly meant (a leaf) is the one described.
          f.outcomes.rules[1].conditions = { all: [{ fact: 'strategyDiscussionHeld', operator: secret, value: true, [secret]: 1 }] };
          delete f.outcomes.rules[2].conditions;
          f.outcomes.conditions[secret] = { fact: 'strategyDiscussionHeld', operator: 'equal', value: true };
        }),
      ),
    );
    const text = messages(issues);
    expect(text).toMatch(/outcomes rules\[0\]\.name: is required/);
    expect(text).toMatch(/outcomes rules\[0\]\.priority: must be a number/);
    expect(text).toMatch(/outcomes rules\[0\]: has 1 field that is not part of a rule file/);
    expect(text).toMatch(/outcomes rules\[0\]\.event\.type: must be one of: "decision"/);
    expect(text).toMatch(/outcomes rules\[1\]\.conditions\.all\[0\]\.operator: must be one of: "equal", "notEqual"/);
    expect(text).toMatch(/outcomes rules\[1\]\.conditions\.all\[0\]: has 1 field that is not part of a rule file/);
    expect(text).toMatch(/outcomes rules\[2\]\.conditions: is required/);
    expect(text).toMatch(/outcomes conditions: has a key that is not allowed \(must be a kebab-case id\)/);
    expect(text).not.toMatch(/Jane|2016|Invalid input/);
  });
});

describe('hostile overlays', () => {
  const overlayRule = (conditions: Json, params: Json = {}) => ({
    name: 'local-rule',
    conditions,
    event: { type: 'decision', params: { decision: 'local:T1', section: 'Local', paraphrase: 'x', outputs: [{ type: 'action', id: 'local:do-it' }], ...params } },
  });
  const withLocalAction = { outputs: { actions: { 'local:do-it': { title: 'Do it' } } } };

  it('two overlays replacing one rule, or setting one parameter, conflict', () => {
    const o1 = bundledRuleSetSource.files.outcomes as Json;
    const replace = (id: string) => overlay({ id, replace: [{ rule: o1.rules[1].name, reason: 'local wording', with: o1.rules[1] }] });
    const issues = refused(() => loadRuleSet(bundledRuleSetSource, [replace('first'), replace('second')]));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'overlay "second"', path: 'replace[0].rule', message: expect.stringMatching(/overlay "first" also changes/) }));
    const params = refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ id: 'a', parameters: { icpcWorkingDays: 10 } }), overlay({ id: 'b', parameters: { icpcWorkingDays: 12 } })]));
    expect(params).toContainEqual(expect.objectContaining({ file: 'overlay "b"', path: 'parameters.icpcWorkingDays', message: expect.stringMatching(/also set by overlay "a"/) }));
  });

  it('a parameter out of range, of the wrong type, or not documented is refused', () => {
    const issues = refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ parameters: { icpcWorkingDays: 0, icpcFrom: 'first-discussion', localDays: 3 } })]));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['parameters.icpcWorkingDays', 'parameters.icpcFrom', 'parameters']));
    const text = messages(issues);
    expect(text).toMatch(/parameters\.icpcWorkingDays: must be at least 1/);
    expect(text).toMatch(/parameters: has 1 field that is not part of an overlay/);
    expect(text).not.toMatch(/localDays|first-discussion|Invalid input/);
  });

  it('disabling without a reason is refused; with a reason the national id may go unencoded, and the decision lists it', async () => {
    const name = (bundledRuleSetSource.files.outcomes as Json).rules[0].name;
    refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ disable: [{ rule: name }] })]));
    refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ disable: [{ rule: name, reason: '   ' }] })]));
    const evaluator = createEvaluator({ overlays: [overlay({ disable: [{ rule: name, reason: 'the partnership convenes conferences under its own procedure' }] })] });
    const d = await evaluator.evaluate(caseFixture('images-household'));
    expect(d.deadlines).toEqual([]);
    expect(d.ruleSet.overlays![0]!.disabled).toEqual([{ rule: name, decision: 'O1', reason: 'the partnership convenes conferences under its own procedure' }]);
  });

  it('disabling every rule leaves nothing to evaluate, and is refused', () => {
    const all = Object.values(bundledRuleSetSource.files).flatMap((f: Json) => f.rules.map((r: Json) => ({ rule: r.name, reason: 'test' })));
    expect(messages(refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ disable: all })])))).toMatch(/has no rule left to evaluate/);
  });

  it('a local rule may not take a national decision id, redefine a national output, or give the national deadline', () => {
    const national = refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ ...withLocalAction, add: [overlayRule({ all: [{ fact: 'strategyDiscussionHeld', operator: 'equal', value: true }] }, { decision: 'O1' })] })]));
    expect(national).toContainEqual(expect.objectContaining({ path: 'add[0].event.params.decision' }));
    const redefined = refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ outputs: { actions: { 'refer-to-police': { title: 'Phone someone' } } }, parameters: { icpcWorkingDays: 10 } })]));
    expect(redefined).toContainEqual(expect.objectContaining({ path: 'outputs.actions.refer-to-police' }));
    expect(messages(redefined)).toMatch(/outputs\.actions\.refer-to-police: is not an allowed key \(must be local: followed by a kebab-case id\)/);
    const otherMeaning = refused(() =>
      loadRuleSet(bundledRuleSetSource, [
        overlay({
          add: [
            overlayRule({ all: [{ fact: 'strategyDiscussionHeld', operator: 'equal', value: true }] }, {
              outputs: [{ type: 'caution', id: 'refer-to-police' }, { type: 'deadline', id: 'initial-child-protection-conference' }],
            }),
          ],
        }),
      ]),
    );
    expect(messages(otherMeaning)).toMatch(/add\[0\]\.event\.params\.outputs\[0\]\.id: is not a caution of the catalogue/);
    expect(messages(otherMeaning)).toMatch(/add\[0\]\.event\.params\.outputs\[1\]\.id: is counted by O1 only/);
  });

  it('a replacement must keep its rule name and decision id, and name a rule that exists', () => {
    const o2 = clone((bundledRuleSetSource.files.outcomes as Json).rules[1]);
    const moved = { ...o2, event: { ...o2.event, params: { ...o2.event.params, decision: 'O3', section: 'Outcomes' } } };
    const issues = refused(() =>
      loadRuleSet(bundledRuleSetSource, [overlay({ replace: [{ rule: o2.name, reason: 'r', with: moved }, { rule: 'no-such-rule', reason: 'r', with: o2 }] })]),
    );
    expect(messages(issues)).toMatch(/replace\[0\]\.with\.event\.params\.decision: must stay O2/);
    expect(messages(issues)).toMatch(/replace\[1\]\.rule: names no rule of the rule set/);
  });

  it('an overlay rule is type-checked like a national one, and its limits apply', () => {
    const typed = refused(() => loadRuleSet(bundledRuleSetSource, [overlay({ ...withLocalAction, add: [overlayRule({ all: [{ fact: 'strategyDiscussionHeld', operator: 'equal', value: 'true' }] })] })]));
    expect(typed).toContainEqual(expect.objectContaining({ file: 'overlay "local-test"', path: 'add[0].conditions.all[0].value' }));
    const exploding = refused(() =>
      loadRuleSet(bundledRuleSetSource, [overlay({ ...withLocalAction, conditions: doublingConditions(), add: [overlayRule({ all: [{ condition: 'c0' }] })] })]),
    );
    expect(exploding.some((i) => i.limit === 'ruleNodes')).toBe(true);
  });

  it('more overlays than the limit are refused', () => {
    const many = Array.from({ length: RULE_LIMITS.overlays + 1 }, (_, i) => overlay({ id: `o${i}`, parameters: {} }));
    expect(refused(() => loadRuleSet(bundledRuleSetSource, many)).some((i) => i.limit === 'overlays')).toBe(true);
  });
});

describe('rule-set folders and overlay files are read safely', () => {
  let dir: string;
  const folder = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d);
    for (const f of readdirSync('rules')) copyFileSync(join('rules', f), join(d, f));
    return d;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-rules-'));
  });

  it('a copy of rules/ reads and loads', () => {
    expect(loadRuleSet(readRuleSetFolder(folder('plain'))).rules.length).toBe(loadRuleSet(bundledRuleSetSource).rules.length);
  });

  it('ruleset.json may not name files outside its folder', () => {
    const d = folder('escape');
    for (const name of ['../outside', '/etc/passwd', 'sub/referral', 'referral.json']) {
      writeFileSync(join(d, 'ruleset.json'), JSON.stringify({ id: 'x', version: '1', files: [name] }));
      expect(refused(() => readRuleSetFolder(d))).toContainEqual(expect.objectContaining({ path: 'files[0]', message: expect.stringMatching(/plain name of a rule file/) }));
    }
    writeFileSync(join(d, 'ruleset.json'), JSON.stringify({ version: 1, files: ['referral'], 'Jane Smith': true }));
    expect(messages(refused(() => readRuleSetFolder(d))).replace(/^\S+ /gm, '')).toBe(
      ['id: is required', 'version: must be a string', '(root): has 1 field that is not part of ruleset.json'].join('\n'),
    );
  });

  it('a link out of the folder (to /dev/zero, or to another folder) is refused before anything is read', () => {
    const d = folder('links');
    const out = join(dir, 'elsewhere.json');
    writeFileSync(out, '{}');
    execFileSync('rm', [join(d, 'referral.json'), join(d, 'assessment.json')]);
    symlinkSync('/dev/zero', join(d, 'referral.json'));
    symlinkSync(out, join(d, 'assessment.json'));
    const issues = refused(() => readRuleSetFolder(d));
    expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      expect.stringMatching(/referral\.json: resolves .* outside the folder/),
      expect.stringMatching(/assessment\.json: resolves .* outside the folder/),
    ]);
  });

  it('/dev/zero named directly, a FIFO, and a file over the size limit are refused without hanging or reading them', () => {
    expect(refused(() => readOverlayFiles(['/dev/zero']))).toContainEqual(expect.objectContaining({ file: '/dev/zero', message: expect.stringMatching(/not a regular file/) }));
    const d = folder('special');
    execFileSync('rm', [join(d, 'referral.json')]);
    execFileSync('mkfifo', [join(d, 'referral.json')]);
    writeFileSync(join(d, 'outcomes.json'), `{"branch":"x","description":"${'x'.repeat(RULE_LIMITS.fileBytes)}"}`);
    const issues = refused(() => readRuleSetFolder(d));
    expect(issues).toContainEqual(expect.objectContaining({ file: join(d, 'referral.json'), message: expect.stringMatching(/not a regular file/) }));
    expect(issues).toContainEqual(expect.objectContaining({ file: join(d, 'outcomes.json'), limit: 'fileBytes' }));
  });

  it('rules validate lists every problem and exits 2, /dev/zero included', async () => {
    const d = folder('validate');
    const bad = join(d, 'outcomes.json');
    const outcomes = clone(bundledRuleSetSource.files.outcomes as Json);
    outcomes.rules[0].conditions.all[0].where.all[1].value = 'true';
    outcomes.rules[1].conditions.any[0].value = 'ongong';
    writeFileSync(bad, JSON.stringify(outcomes));
    const ov = join(d, 'overlay.json');
    writeFileSync(ov, JSON.stringify(overlay({ parameters: { icpcWorkingDays: 0 } })));
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as never;
    let code: number;
    try {
      code = await main(['rules', 'validate', bad, ov, '/dev/zero']);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(2);
    const text = err.join('');
    expect(text).toMatch(/outcomes\.json rules\[0\]\.conditions\.all\[0\]\.where\.all\[1\]\.value: must be true or false/);
    expect(text).toMatch(/outcomes\.json rules\[1\]\.conditions\.any\[0\]\.value: "ongong" is not a value/);
    expect(text).toMatch(/overlay\.json parameters\.icpcWorkingDays/);
    expect(text).toMatch(/\/dev\/zero: is not a regular file/);
  });

  afterAll(() => {
    execFileSync('rm', ['-rf', dir]);
  });
});

describe('after the hostile suite', () => {
  it('Object.prototype is untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    for (const key of ['polluted', 'isAdmin']) expect(key in {}).toBe(false);
  });
});
