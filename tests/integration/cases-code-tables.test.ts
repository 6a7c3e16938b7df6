import { describe, expect, it } from 'vitest';
import type { CaseView, CodeTableEntry } from '../../shared/contract';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { actOk, colleagues, createCase, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, ZHANG_SAN, rows } from './registry-helpers';

/**
 * The administrator's code tables (业务代码表): 就业困难人员认定类别 and 补贴目录
 * kept in code_entries, maintained through codes.save, and what the
 * cases filed under them see when an entry is added or retired.
 */

const CERT_DOCS = ['id_card', 'difficulty_application'];
const SUBSIDY_DOCS = ['id_card', 'subsidy_application_form', 'bank_account'];
// New entries name no code: the desk makes it from the name's pinyin initials (受灾家庭成员 → szjtcy).
const NEW_CATEGORY = { table: 'difficulty_categories', code: null, label: '受灾家庭成员', sortOrder: 12, active: true, applicant: null, version: null };
const NEW_SUBSIDY = { table: 'subsidy_catalogue', code: null, label: '返乡创业补贴', sortOrder: 10, active: true, applicant: 'person', version: null };
/** The same entry once saved, for changing it. */
const SAVED_CATEGORY = { ...NEW_CATEGORY, code: 'szjtcy' };

function table(call: ReadyDesk['call'], name: string): CodeTableEntry[] {
  return expectOk<CodeTableEntry[]>(call('codes.list', { table: name }));
}

function entry(call: ReadyDesk['call'], name: string, code: string): CodeTableEntry {
  const found = table(call, name).find((e) => e.code === code);
  if (!found) return expect.fail(`no ${code} in ${name}`);
  return found;
}

function codeEntryRows(ready: ReadyDesk) {
  return rows(ready, 'select * from code_entries order by table_code, code');
}

describe('业务代码表: the administrator maintains them', () => {
  it('adds a category and a subsidy, lists them in order to every colleague, and audits each save with the names before and after', () => {
    const ready = readyDesk();
    const { liuyang } = colleagues(ready, ['liuyang']);
    const auditFrom = lastAuditId(ready);
    const categories = expectOk<CodeTableEntry[]>(ready.call('codes.save', NEW_CATEGORY));
    expect(categories).toHaveLength(12);
    expect(categories.at(-1)).toEqual({ code: 'szjtcy', label: '受灾家庭成员', active: true, sortOrder: 12, applicant: null, version: 1 });
    expectOk(ready.call('codes.save', NEW_SUBSIDY));

    // A front-desk colleague reads both tables (the case form needs them), ordered by sortOrder then code.
    const subsidies = table(liuyang.call, 'subsidy_catalogue');
    expect(subsidies.map((e) => e.sortOrder)).toEqual([...subsidies.map((e) => e.sortOrder)].sort((a, b) => a - b));
    expect(subsidies.find((e) => e.code === 'fxcybt')).toMatchObject({ code: 'fxcybt', applicant: 'person', active: true });

    // Rename and retire: the code stays, the version moves on, nothing is deleted.
    const renamed = expectOk<CodeTableEntry[]>(ready.call('codes.save', { ...SAVED_CATEGORY, label: '因灾致困家庭成员', active: false, version: 1 }));
    expect(renamed.find((e) => e.code === 'szjtcy')).toMatchObject({ label: '因灾致困家庭成员', active: false, version: 2 });
    expect(table(ready.call, 'difficulty_categories')).toHaveLength(12);

    const audit = storedAudit(ready, auditFrom).filter((a) => a.action === 'codes.save');
    expect(audit.map((a) => [a.entityType, a.entityId, a.actorName])).toEqual([
      ['code_entry', 'difficulty_categories.szjtcy', '王芳'],
      ['code_entry', 'subsidy_catalogue.fxcybt', '王芳'],
      ['code_entry', 'difficulty_categories.szjtcy', '王芳'],
    ]);
    expect(audit[0]!.detail).toMatchObject({ before: null, after: { label: '受灾家庭成员', active: true } });
    expect(audit[2]!.detail).toMatchObject({ before: { label: '受灾家庭成员', active: true }, after: { label: '因灾致困家庭成员', active: false } });
  });

  it('refuses a colleague without 系统设置 rights, and bad entries with Chinese field messages, writing nothing', () => {
    const ready = readyDesk();
    const { liuyang, zhouqiang } = colleagues(ready, ['liuyang', 'zhouqiang']);
    const before = codeEntryRows(ready);
    const auditBefore = lastAuditId(ready);
    for (const call of [liuyang.call, zhouqiang.call]) expectError(call('codes.save', NEW_CATEGORY), 'FORBIDDEN');

    // The desk makes a new entry's code: one typed by hand is refused, and an edit names a well-formed one.
    const typedCode = expectError(ready.call('codes.save', { ...NEW_CATEGORY, code: 'flood_affected' }), 'BAD_INPUT');
    expect(typedCode.fields).toEqual({ code: '新项目的代码由系统根据名称生成，不需要填写' });
    const badCode = expectError(ready.call('codes.save', { ...SAVED_CATEGORY, code: 'Flood-1', version: 1 }), 'BAD_INPUT');
    expect(badCode.fields?.code).toContain('小写字母开头');
    const blank = expectError(ready.call('codes.save', { ...NEW_CATEGORY, label: '   ' }), 'BAD_INPUT');
    expect(blank.fields).toEqual({ label: '请填写名称' });
    const noApplicant = expectError(ready.call('codes.save', { ...NEW_SUBSIDY, applicant: null }), 'BAD_INPUT');
    expect(noApplicant.fields).toEqual({ applicant: '请选择申请对象（个人、单位或两者）' });
    expect(noApplicant.message).toContain('申请对象');
    const strayApplicant = expectError(ready.call('codes.save', { ...NEW_CATEGORY, applicant: 'person' }), 'BAD_INPUT');
    expect(strayApplicant.fields).toEqual({ applicant: '此代码表没有申请对象' });

    // A stale version is not overwritten by an edit; names stay unique.
    expect(expectError(ready.call('codes.save', { ...NEW_CATEGORY, label: '残疾人' }), 'DUPLICATE').fields).toEqual({ label: '已有同名的项目' });
    const disabled = entry(ready.call, 'difficulty_categories', 'disabled');
    expectOk(ready.call('codes.save', { ...NEW_CATEGORY, code: 'disabled', label: '持证残疾人', sortOrder: 3, version: disabled.version }));
    expectError(ready.call('codes.save', { ...NEW_CATEGORY, code: 'disabled', label: '残疾人员', sortOrder: 3, version: disabled.version }), 'CONFLICT');
    expectError(ready.call('codes.save', { ...NEW_CATEGORY, code: 'no_such_code', version: 1 }), 'NOT_FOUND');

    const after = codeEntryRows(ready);
    expect(after.filter((r) => r.code !== 'disabled')).toEqual(before.filter((r) => r.code !== 'disabled'));
    expect(after.find((r) => r.code === 'disabled')).toMatchObject({ label: '持证残疾人', version: 2 });
    expect(storedAudit(ready, auditBefore).filter((a) => a.action === 'codes.save')).toHaveLength(1);
  });
});

describe('cases filed under an administrator’s entries', () => {
  it('certifies under a new category; once it is retired a new draft is refused while an accepted case is still decided', () => {
    const ready = readyDesk();
    const { lina } = colleagues(ready, ['lina']);
    expectOk(ready.call('codes.save', NEW_CATEGORY));
    const form = { category: 'szjtcy', validFrom: '2026-11-27', validTo: '2027-11-26', evidenceNote: '乡镇民政办证明' };
    const accepted = actOk(ready.call, createCase(ready.call, registerPerson(ready, LI_XIUYING), 'difficulty_certification', form, CERT_DOCS), 'accept');
    expect(accepted.state).toBe('accepted');

    expectOk(ready.call('codes.save', { ...SAVED_CATEGORY, active: false, version: 1 }));
    const other = registerPerson(ready, ZHANG_SAN);
    const casesBefore = rows(ready, 'select count(*) as n from cases')[0]!.n;
    const refused = expectError(ready.call('cases.create', { personId: other, caseType: 'difficulty_certification', form, documents: CERT_DOCS }), 'BAD_INPUT');
    expect(refused.message).toBe('认定类别“受灾家庭成员”已停用，请选择其他项目');
    expect(rows(ready, 'select count(*) as n from cases')[0]!.n).toBe(casesBefore);

    const approved = actOk(lina.call, actOk(lina.call, accepted, 'start_review'), 'approve', '材料齐全');
    expect(approved).toMatchObject({ state: 'approved', form: { category: 'szjtcy' } });
    // Its label is still there for the notice, retired or not.
    expect(entry(ready.call, 'difficulty_categories', 'szjtcy')).toMatchObject({ label: '受灾家庭成员', active: false });
    // The decision keeps the name the category had when it was taken: a later renaming changes the
    // table, not what the 认定结果通知 of this decision says was certified.
    expect(approved.decisionSnapshot?.choiceLabels).toEqual({ category: '受灾家庭成员' });
    expectOk(ready.call('codes.save', { ...SAVED_CATEGORY, label: '因灾致困家庭成员', active: false, version: 2 }));
    const later = expectOk<CaseView>(ready.call('cases.get', { id: approved.id }));
    expect(later.decisionSnapshot?.choiceLabels).toEqual({ category: '受灾家庭成员' });
    expect(entry(ready.call, 'difficulty_categories', 'szjtcy').label).toBe('因灾致困家庭成员');
  });

  it('offers a person only the subsidies a person may apply for, and takes the amount only as whole fen above zero', () => {
    const ready = readyDesk();
    expectOk(ready.call('codes.save', NEW_SUBSIDY));
    const personId = registerPerson(ready);
    const subsidy = (form: Record<string, string | null>) => ready.call('cases.create', { personId, caseType: 'subsidy_application', form, documents: SUBSIDY_DOCS });

    const enterpriseOnly = expectError(subsidy({ subsidyCode: 'social_insurance', requestedAmountFen: '150000' }), 'BAD_INPUT');
    expect(enterpriseOnly.message).toBe('补贴项目“社会保险补贴”只能由单位申请');
    for (const amount of ['0', '-5', 'abc', '1500.50']) {
      const bad = expectError(subsidy({ subsidyCode: 'fxcybt', requestedAmountFen: amount }), 'BAD_INPUT');
      expect(bad.message, amount).toBe('申请金额应为大于0的金额（元，最多两位小数）');
    }
    expect(rows(ready, "select count(*) as n from cases where case_type = 'subsidy_application'")[0]!.n).toBe(0);

    const draft = expectOk<CaseView>(subsidy({ subsidyCode: 'fxcybt', requestedAmountFen: '150050' }));
    expect(draft.form).toMatchObject({ subsidyCode: 'fxcybt', requestedAmountFen: '150050' });
    expect(actOk(ready.call, draft, 'accept').state).toBe('accepted');
  });
});
