import { describe, expect, it } from 'vitest';
import { SEED_POLICIES, type PolicyDefinition } from '../../shared/domain/policies';
import type { PolicyEvaluation, PolicyListItem, PolicyVersionView } from '../../shared/contract';
import { storedAudit } from './accounts-helpers';
import { cli, cliWorkspace } from './cli-workspace';
import { EMPLOYMENT_DOCS, EMPLOYMENT_FORM, actOk, colleagues, createCase } from './cases-helpers';
import { expectError, expectOk, openDesk, readyDesk, type ReadyDesk } from './helpers';
import { idNumber, register } from './registry-helpers';

const FLEXIBLE = 'flexible_social_insurance';
/** A 2026 graduate (本科, graduated 30 June) who registers flexible employment at the window. */
const GRADUATE = { idNumber: idNumber('320506', '2003-04-18', '028'), name: '林小雨', educationCode: '20', graduationDate: '2026-06-30' };

function flexiblyEmployedGraduate(ready: ReadyDesk): number {
  const { lina } = colleagues(ready, ['lina']);
  const person = register(ready, GRADUATE);
  const accepted = actOk(ready.call, createCase(ready.call, person.id, 'employment_registration', EMPLOYMENT_FORM, EMPLOYMENT_DOCS), 'accept');
  actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '灵活就业，同意登记');
  return person.id;
}

/** A 公安/卫健 death list as the import stores it: dated, and she is not on it. */
function deathList(ready: ReadyDesk, asOf: string): void {
  ready.desk.database().sqlite.prepare("insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values ('deaths', ?, '死亡名单.xlsx', 0, 0, 0, ?)").run(asOf, `${asOf}T08:00:00.000Z`);
}

/** A 社保个人 file as the import stores it: one dated import, the graduate's contribution months. */
function contributions(ready: ReadyDesk, personId: number, asOf: string, months: number): void {
  const { sqlite } = ready.desk.database();
  const importId = Number(
    sqlite.prepare("insert into fact_imports (source, as_of, file_name, rows, matched, unmatched, imported_at) values ('person_insurance', ?, '社保缴费.xlsx', 1, 1, 0, ?)").run(asOf, `${asOf}T08:00:00.000Z`)
      .lastInsertRowid,
  );
  sqlite.prepare('insert into person_insurance (import_id, person_id, months_total, months_last12) values (?, ?, ?, ?)').run(importId, personId, months, months);
}

describe('政策库: the catalogue', () => {
  it('holds the nine DOMAIN.md subsidies, each version 1 in force with amounts 待核, exactly as the seed defines them', () => {
    const ready = readyDesk();
    const list = expectOk<PolicyListItem[]>(ready.call('policies.list', {}));
    expect(list.map((p) => p.code).sort()).toEqual(SEED_POLICIES.map((p) => p.code).sort());
    expect(list.every((p) => p.activeVersion === 1 && !p.amountsConfirmed && p.draftVersion === null)).toBe(true);
    for (const seed of SEED_POLICIES) {
      const [version] = expectOk<PolicyVersionView[]>(ready.call('policies.get', { code: seed.code }));
      // The migration carries the seed as it stood: a drift between the two fails here.
      expect(version!.definition, seed.code).toEqual(JSON.parse(JSON.stringify(seed)));
      expect(version).toMatchObject({ status: 'active', problems: [], failingCases: [] });
      expect(version!.storedCases).toBeGreaterThanOrEqual(3);
    }
  });

  it('a draft with an impossible condition, a negative formula or dates the wrong way round is refused with Chinese messages naming the place, nothing written', () => {
    const ready = readyDesk({ alsoFrontDesk: false });
    const seed = SEED_POLICIES.find((p) => p.code === FLEXIBLE)!;
    const before = ready.desk.database().sqlite.prepare('select count(*) as n from policy_versions').get();
    const bad: Array<[string, PolicyDefinition, RegExp]> = [
      ['impossible age', { ...seed, conditions: [...seed.conditions, { fact: 'age', op: 'gte', value: 60 }, { fact: 'age', op: 'lte', value: 30 }] }, /年龄.*不可能同时满足/],
      ['negative amount', { ...seed, benefit: { kind: 'fixed', amountFen: -100 } }, /金额|负/],
      ['dates reversed', { ...seed, effectiveFrom: '2026-01-01', effectiveTo: '2025-12-31' }, /失效日期|早于/],
    ];
    for (const [label, definition, message] of bad) {
      const error = expectError(ready.call('policies.saveDraft', { code: FLEXIBLE, definition }), 'BAD_INPUT');
      expect(error.message, label).toMatch(message);
      expect(error.message.startsWith('政策定义：'), label).toBe(true);
      expect(Object.keys(error.fields ?? {}).every((f) => f.startsWith('definition.')), label).toBe(true);
    }
    expect(ready.desk.database().sqlite.prepare('select count(*) as n from policy_versions').get()).toEqual(before);
  });

  it('a draft is checked, activated by the administrator with a reason, retires the old version, and marks everyone due for the next sweep', () => {
    const ready = readyDesk({ alsoFrontDesk: false });
    const seed = SEED_POLICIES.find((p) => p.code === FLEXIBLE)!;
    const draft = expectOk<PolicyVersionView>(ready.call('policies.saveDraft', { code: FLEXIBLE, definition: { ...seed, amountsConfirmed: true } }));
    expect(draft).toMatchObject({ version: 2, status: 'draft', problems: [], failingCases: [] });
    const sqlite = ready.desk.database().sqlite;
    sqlite.prepare("update policy_subjects set recheck_on = '2099-01-01'").run();
    const active = expectOk<PolicyVersionView>(ready.call('policies.activate', { code: FLEXIBLE, version: 2, reason: '县财政局确认金额' }));
    expect(active).toMatchObject({ status: 'active', activatedBy: '王芳' });
    expect(expectOk<PolicyVersionView[]>(ready.call('policies.get', { code: FLEXIBLE })).map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    expect(sqlite.prepare("select count(*) as n from policy_subjects where subject_type = 'person' and recheck_on != ''").get()).toEqual({ n: 0 });
    expect(storedAudit(ready).at(-1)).toMatchObject({ action: 'policies.activate', entityId: `${FLEXIBLE}.2`, detail: { retired: [1], reason: '县财政局确认金额' } });
    // An active version is never edited: the next draft is version 3.
    expect(expectOk<PolicyVersionView>(ready.call('policies.saveDraft', { code: FLEXIBLE, definition: seed })).version).toBe(3);
    expect(expectError(ready.call('policies.activate', { code: FLEXIBLE, version: 2, reason: '再启用' }), 'CONFLICT').message).toContain('已在启用中');
  });
});

describe('政策找人: one person judged, and why', () => {
  it('a flexibly employed 2026 graduate needs a check until 社保 data shows her contributions, then is eligible with the amount; the verdict explains itself and is audited', () => {
    const ready = readyDesk();
    const personId = flexiblyEmployedGraduate(ready);
    const before = expectOk<PolicyEvaluation>(ready.call('policies.evaluate', { policyCode: FLEXIBLE, personId, on: '2026-12-01' }));
    expect(before).toMatchObject({ result: 'needs_check', policyVersion: 1, subject: { type: 'person', id: personId, name: '林小雨' } });
    expect(before.facts).toMatchObject({ higherEducation: true, monthsSinceGraduation: 5, flexibleEmployment: true, contributionMonthsLast12: null, deceased: null });
    // Without any death list nor 社保 data, both stay open: staff would have to check them.
    expect(before.trace.filter((t) => t.outcome === 'unknown').map((t) => t.label)).toEqual(['已死亡', '近12个月社保缴费月数', '补贴金额']);

    deathList(ready, '2026-11-30');
    contributions(ready, personId, '2026-11-30', 3);
    const after = expectOk<PolicyEvaluation>(ready.call('policies.evaluate', { policyCode: FLEXIBLE, personId, on: '2026-12-01' }));
    expect(after).toMatchObject({ result: 'eligible', amountFen: 120_000, amountConfirmed: false });
    expect(after.facts).toMatchObject({ deceased: false, contributionMonthsLast12: 3 });
    expect(after.explanation.title).toBe('为什么符合');
    expect(after.explanation.lines.join('\n')).toMatch(/离校2年内的高校毕业生/);
    expect(storedAudit(ready).at(-1)).toMatchObject({ action: 'policies.evaluate', entityType: 'person', entityId: String(personId), detail: { policyCode: FLEXIBLE, result: 'eligible' } });
  });

  it('names the failing condition for someone the policy does not cover, and refuses a person for an enterprise policy', () => {
    const ready = readyDesk();
    const older = register(ready, { idNumber: idNumber('320506', '1985-02-10', '035'), name: '周敏' });
    const verdict = expectOk<PolicyEvaluation>(ready.call('policies.evaluate', { policyCode: FLEXIBLE, personId: older.id, on: '2026-12-01' }));
    expect(verdict.result).toBe('not_eligible');
    expect(verdict.explanation.title).toBe('为什么不符合');
    expect(verdict.explanation.headline).toMatch(/就业困难人员或离校2年内|灵活就业/);
    const refused = expectError(ready.call('policies.evaluate', { policyCode: 'job_expansion', personId: older.id }), 'BAD_INPUT');
    expect(refused.message).toContain('对象是企业');
    expect(refused.fields).toHaveProperty('personId');
  });
});

describe('command line: policies test', () => {
  it('runs every policy’s stored cases beside a running desk: exit 0 when all pass, 1 naming the case that fails', () => {
    const ws = cliWorkspace();
    const passing = cli(['policies', 'test', ...ws.common]);
    expect(passing.code, passing.out).toBe(0);
    expect(passing.out).toContain('通过 灵活就业社会保险补贴（flexible_social_insurance）第1版');
    expect(passing.out).toMatch(/全部通过：共 \d+ 个测试用例/);

    // A draft whose stored case expects the wrong amount.
    const desk = openDesk(ws);
    const seed = SEED_POLICIES.find((p) => p.code === FLEXIBLE)!;
    const wrong = { ...seed, cases: [{ ...seed.cases[0]!, expect: { result: 'eligible', amountFen: 1 } }] };
    expectOk(desk.callAsCommandLine('test', 'policies.saveDraft', { code: FLEXIBLE, definition: wrong }));
    const failing = cli(['policies', 'test', ...ws.common]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`未通过 灵活就业社会保险补贴（flexible_social_insurance）第2版（草稿）：${seed.cases[0]!.name}`);
  });
});

