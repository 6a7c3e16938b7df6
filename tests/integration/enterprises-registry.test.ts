import { describe, expect, it } from 'vitest';
import type { EnterpriseSearchResult, EnterpriseView, FieldCorrection } from '../../shared/contract';
import { CODE_A, CODE_B, REGISTRATION_NUMBER, SOLE_TRADER, enterpriseCounts, registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { lastAuditId, storedAudit } from './accounts-helpers';

describe('registering enterprises', () => {
  it('decodes the entity type from the credit code and keeps contacts masked, headcount as history', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready, { insuredCount: 86, contacts: [{ name: '周敏', position: '人事经理', phone: '139 1234 5678' }], formerNames: ['苏州精工机械厂'] });
    expect(view).toMatchObject({
      creditCode: CODE_A, registrationNumber: null, entityType: 'enterprise', entityLabel: '企业', industrySection: 'C', industryDivisionLabel: '通用设备制造业',
      townshipName: '木渎镇', insuredHeadcount: { asOf: '2026-11-27', insuredCount: 86, source: 'register' }, formerNames: [{ name: '苏州精工机械厂' }],
    });
    expect(view.contacts).toEqual([expect.objectContaining({ name: '周敏', phoneMasked: '139****5678' })]);
    const sole = registerEnterprise(ready, { creditCode: SOLE_TRADER, name: '玄武区张记小吃店' });
    expect(sole).toMatchObject({ entityType: 'sole_trader', entityLabel: '个体工商户' });
  });

  it('accepts a legacy 15-digit registration number as such, with the entity type chosen by staff', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready, { creditCode: REGISTRATION_NUMBER, name: '苏州老字号食品厂', entityType: 'enterprise' });
    expect(view).toMatchObject({ creditCode: null, registrationNumber: REGISTRATION_NUMBER, entityLabel: '企业' });
  });

  it('dedups by credit code, also when typed in full-width lower case', () => {
    const ready = readyDesk();
    const first = registerEnterprise(ready);
    const before = enterpriseCounts(ready);
    const error = expectError(ready.call('enterprises.register', { creditCode: '９１３２０１００ma1xy8129y', name: '另一个名字' }), 'DUPLICATE');
    expect(error.message).toContain('苏州吴中精工机械有限公司');
    expect(error.details).toEqual({ enterpriseId: first.id });
    expect(enterpriseCounts(ready)).toEqual(before);
  });

  it.each([
    ['91320100MA1XY81290', '统一社会信用代码：校验位（最后一位）不正确，请核对是否录错'],
    ['9132010013I567897R', '统一社会信用代码：只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['91320100MA1XY8O29Y', '统一社会信用代码：只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['91320100MA2B7C3D7', '统一社会信用代码：应为18位（2015年前登记的可填15位注册号）'],
    ['91320100MA1XY8139S', '统一社会信用代码：只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['320506000012343', '统一社会信用代码：15位注册号的校验位不正确，请核对是否录错'],
  ])('refuses %s with a field-level message and writes nothing', (creditCode, message) => {
    const ready = readyDesk();
    const before = enterpriseCounts(ready);
    const error = expectError(ready.call('enterprises.register', { creditCode, name: '苏州某有限公司' }), 'BAD_INPUT');
    expect(error.message).toBe(message);
    expect(Object.keys(error.fields ?? {})).toEqual(['creditCode']);
    expect(enterpriseCounts(ready)).toEqual(before);
  });

  it('names the enterprise name field as such, not as a person’s name', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('enterprises.register', { creditCode: CODE_A, name: '' }), 'BAD_INPUT');
    expect(error.message).toBe('企业名称：必填');
  });

  it('refuses a negative headcount with the field named', () => {
    const ready = readyDesk();
    const error = expectError(ready.call('enterprises.register', { creditCode: CODE_A, name: '苏州某有限公司', insuredCount: -3 }), 'BAD_INPUT');
    expect(error.fields).toEqual({ insuredCount: '不能为负数' });
    expect(enterpriseCounts(ready).enterprises).toBe(0);
  });
});

describe('correcting enterprises', () => {
  it('keeps the history of each field with the reason, and the old name as a former name', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready);
    const after = expectOk<EnterpriseView>(ready.call('enterprises.update', { id: view.id, version: view.version, changes: { name: '苏州吴中精工科技有限公司', sizeClass: 'medium' }, reason: '企业更名并扩产' }));
    expect(after).toMatchObject({ name: '苏州吴中精工科技有限公司', sizeClass: 'medium', version: 2, formerNames: [{ name: '苏州吴中精工机械有限公司' }] });
    const history = expectOk<FieldCorrection[]>(ready.call('enterprises.corrections', { id: view.id }));
    expect(history.map((c) => [c.field, c.oldValue, c.newValue, c.reason])).toEqual(
      expect.arrayContaining([
        ['name', '苏州吴中精工机械有限公司', '苏州吴中精工科技有限公司', '企业更名并扩产'],
        // Stored as codes, listed by their names.
        ['sizeClass', '小型', '中型', '企业更名并扩产'],
      ]),
    );
    // The old name still finds it.
    const found = expectOk<EnterpriseSearchResult>(ready.call('enterprises.search', { query: '精工机械' }));
    expect(found.items).toEqual([expect.objectContaining({ id: view.id, matchedFormerName: '苏州吴中精工机械有限公司' })]);
  });

  it('a closed enterprise keeps its record but takes no new visits or vacancies', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready);
    expectOk(ready.call('enterprises.update', { id: view.id, version: 1, changes: { status: 'closed' }, reason: '已注销' }));
    const staff = expectOk<{ id: number }[]>(ready.call('enterprises.staff', {}))[0]!.id;
    expectError(ready.call('enterprises.recordVisit', { enterpriseId: view.id, visitDate: '2026-11-20', mode: 'phone', staffUserIds: [staff] }), 'CONFLICT');
    expectError(ready.call('vacancies.create', { enterpriseId: view.id, source: 'walk_in', occupationCode: '6-18-02', title: '焊工', openings: 1 }), 'CONFLICT');
  });

  it('refuses a stale version (CONFLICT) and writes nothing', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready);
    expectOk(ready.call('enterprises.update', { id: view.id, version: 1, changes: { address: '木渎镇1号' }, reason: '补充' }));
    const before = enterpriseCounts(ready);
    expectError(ready.call('enterprises.update', { id: view.id, version: 1, changes: { address: '木渎镇2号' }, reason: '补充' }), 'CONFLICT');
    expect(enterpriseCounts(ready)).toEqual(before);
  });
});

describe('finding enterprises', () => {
  it('by part of the name and by the credit code or its beginning', () => {
    const ready = readyDesk();
    const a = registerEnterprise(ready);
    const b = registerEnterprise(ready, { creditCode: CODE_B, name: '苏州越溪电子科技有限公司', townshipCode: '320506003' });
    const search = (query: string) => expectOk<EnterpriseSearchResult>(ready.call('enterprises.search', { query }));
    expect(search('精工').items.map((i) => i.id)).toEqual([a.id]);
    expect(search('有限公司').total).toBe(2);
    expect(search(CODE_B)).toMatchObject({ matchedAs: 'creditCode', items: [{ id: b.id }] });
    expect(search('91320506').items.map((i) => i.id)).toEqual([b.id]);
    expect(search('100%').total).toBe(0);
  });

  it('looks a whole credit code up in its unique index', () => {
    const ready = readyDesk();
    registerEnterprise(ready);
    const plan = ready.desk.database().sqlite.prepare('explain query plan select id from enterprises where credit_code = ?').all(CODE_A) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('enterprises_credit_code');
    expect(expectOk<EnterpriseSearchResult>(ready.call('enterprises.search', { query: ` ${CODE_A.toLowerCase()} ` })).items).toHaveLength(1);
  });
});

describe('contact phones', () => {
  it('are revealed only by an audited act', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready, { contacts: [{ name: '周敏', phone: '13912345678' }] });
    const contactId = view.contacts[0]!.id;
    const from = lastAuditId(ready);
    expect(expectOk(ready.call('enterprises.revealContact', { contactId }))).toEqual({ value: '13912345678' });
    expect(storedAudit(ready, from).map((a) => [a.action, a.entityId])).toEqual([['enterprises.revealContact', String(view.id)]]);
  });

  it('accept landlines with an area code and refuse other numbers, naming the field', () => {
    const ready = readyDesk();
    const view = registerEnterprise(ready);
    const withLandline = expectOk<EnterpriseView>(ready.call('enterprises.addContact', { enterpriseId: view.id, name: '王强', phone: '0512-66881234' }));
    expect(withLandline.contacts[0]!.phoneMasked).toBe('051******1234');
    const error = expectError(ready.call('enterprises.addContact', { enterpriseId: view.id, name: '钱多', phone: '12345' }), 'BAD_INPUT');
    expect(error.message).toContain('联系电话');
  });
});
