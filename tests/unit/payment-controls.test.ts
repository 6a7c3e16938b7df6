import { describe, expect, it } from 'vitest';
import {
  type ControlFacts,
  type ControlLine,
  type EnterpriseFacts,
  type PersonFacts,
  findingKey,
  normalizeAccount,
  releaseControls,
  unresolvedFindings,
} from '../../shared/domain/payments';

function line(lineNo: number, over: Partial<ControlLine> = {}): ControlLine {
  return {
    lineNo, payee: { kind: 'person', id: lineNo }, payeeName: `收款人${lineNo}`, policyCode: 'public_welfare_post', policyName: '公益性岗位补贴',
    period: { from: '2026-01', to: '2026-03' }, account: { accountNumber: `62220000${lineNo}`, bankName: '工商银行' }, ...over,
  };
}
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  name: '张三', idNumber: '320102199003071239', birthDate: '1990-03-07', sex: 'male', deceasedOn: null, ...over,
});
function facts(over: Partial<ControlFacts> = {}): ControlFacts {
  return { exclusions: {}, persons: new Map(), enterprises: new Map(), otherPayments: [], ...over };
}
const codes = (lines: ControlLine[], f: ControlFacts) => releaseControls(lines, f).map((x) => [x.lineNo, x.code, x.severity]);

describe('controls before release (拨付前核查)', () => {
  it('finds nothing in a clean batch', () => {
    expect(releaseControls([line(1), line(2)], facts({ persons: new Map([[1, person()], [2, person()]]) }))).toEqual([]);
  });

  describe('exclusive subsidies overlapping in the period', () => {
    const exclusions = { flexible_social_insurance: ['social_insurance'] };
    const flexible = line(1, { policyCode: 'flexible_social_insurance', policyName: '灵活就业社保补贴' });

    it('blocks a policy excluded either way that shares a month, in this batch or already paid', () => {
      const other = { ref: '批次JY202603001第2笔', payee: { kind: 'person' as const, id: 1 }, policyCode: 'social_insurance', policyName: '社会保险补贴', period: { from: '2026-03', to: '2026-05' } };
      const found = releaseControls([flexible], facts({ exclusions, otherPayments: [other] }));
      expect(found).toEqual([{ lineNo: 1, code: 'exclusive_overlap', severity: 'block', message: '灵活就业社保补贴与社会保险补贴（批次JY202603001第2笔）不能同时享受，2026年3月重叠' }]);
      const insurance = line(2, { payee: { kind: 'person', id: 1 }, policyCode: 'social_insurance', policyName: '社会保险补贴' });
      expect(codes([flexible, insurance], facts({ exclusions }))).toEqual([[1, 'exclusive_overlap', 'block'], [2, 'exclusive_overlap', 'block']]);
    });

    it('blocks when the enterprise is paid for the same person the person is paid for', () => {
      const forHire = line(2, { payee: { kind: 'enterprise', id: 5 }, beneficiaryPersonId: 1, policyCode: 'social_insurance', policyName: '社会保险补贴' });
      expect(codes([flexible, forHire], facts({ exclusions }))).toEqual([[1, 'exclusive_overlap', 'block'], [2, 'exclusive_overlap', 'block']]);
    });

    it('lets them be in different months, or for different people, or not exclusive', () => {
      const later = { ref: 'x', payee: { kind: 'person' as const, id: 1 }, policyCode: 'social_insurance', policyName: '社会保险补贴', period: { from: '2026-04', to: '2026-06' } };
      expect(releaseControls([flexible], facts({ exclusions, otherPayments: [later] }))).toEqual([]);
      expect(releaseControls([flexible], facts({ exclusions, otherPayments: [{ ...later, period: flexible.period, payee: { kind: 'person', id: 2 } }] }))).toEqual([]);
      expect(releaseControls([flexible], facts({ otherPayments: [{ ...later, period: flexible.period }] }))).toEqual([]);
    });
  });

  describe('a payee past statutory retirement age, or recorded deceased', () => {
    // Born 1965-01-15, a man retires at 60岁1个月: on 2025-02-15.
    const old = person({ birthDate: '1965-01-15' });
    const at = (from: string, to: string, p: PersonFacts) => releaseControls([line(1, { period: { from, to } })], facts({ persons: new Map([[1, p]]) }));

    it('blocks a period that starts after retirement, flags one that contains it, passes one before it', () => {
      expect(at('2025-03', '2025-04', old)).toMatchObject([{ code: 'past_retirement', severity: 'block', message: expect.stringContaining('2025年2月15日') }]);
      expect(at('2025-01', '2025-03', old)).toMatchObject([{ code: 'past_retirement', severity: 'flag' }]);
      expect(at('2024-12', '2025-01', old)).toEqual([]);
      // Retiring on the first day of the period: the whole period is after it.
      expect(at('2025-02', '2025-02', person({ birthDate: '1965-01-01' }))).toMatchObject([{ severity: 'block' }]);
    });

    it('follows a woman’s category, and flags the 50-year schedule when the category is not on record', () => {
      // Born 1975-01-10: as a cadre55 woman 55岁4个月 (2030-05-10); as a worker50 woman 50岁1个月 (2025-02-10).
      const woman = { birthDate: '1975-01-10', sex: 'female' as const };
      expect(at('2026-01', '2026-03', person({ ...woman, femaleCategory: 'cadre55' }))).toEqual([]);
      expect(at('2026-01', '2026-03', person({ ...woman, femaleCategory: 'worker50' }))).toMatchObject([{ severity: 'block' }]);
      expect(at('2026-01', '2026-03', person(woman))).toMatchObject([{ severity: 'flag', message: expect.stringContaining('退休类别未登记') }]);
    });

    it('blocks a payment for months after death, flags one for the months of death or after the period', () => {
      expect(at('2026-01', '2026-03', person({ deceasedOn: '2025-12-31' }))).toMatchObject([{ code: 'deceased', severity: 'block', message: expect.stringContaining('2025年12月31日') }]);
      expect(at('2026-01', '2026-03', person({ deceasedOn: '2026-01-01' }))).toMatchObject([{ code: 'deceased', severity: 'flag' }]);
      expect(at('2026-01', '2026-03', person({ deceasedOn: '2026-04-02' }))).toMatchObject([{ code: 'deceased', severity: 'flag' }]);
    });

    it('checks the person an enterprise is paid for', () => {
      const forHire = line(1, { payee: { kind: 'enterprise', id: 5 }, beneficiaryPersonId: 8, period: { from: '2025-03', to: '2025-03' } });
      expect(releaseControls([forHire], facts({ persons: new Map([[8, old]]) }))).toMatchObject([{ severity: 'block', message: expect.stringContaining('所涉人员张三') }]);
    });
  });

  describe('an enterprise and its own legal representative', () => {
    const firm: EnterpriseFacts = { name: '玄武科技有限公司', legalRepresentativeIdNumber: '32050619920115004x' };
    const rep = person({ name: '李四', idNumber: '32050619920115004X', birthDate: '1992-01-15', sex: 'female' });

    it('blocks a subsidy an enterprise claims for hiring its own legal representative', () => {
      const forHire = line(1, { payee: { kind: 'enterprise', id: 5 }, beneficiaryPersonId: 8, policyName: '一次性吸纳就业补贴', period: { from: '2026-01', to: '2026-01' } });
      expect(releaseControls([forHire], facts({ persons: new Map([[8, rep]]), enterprises: new Map([[5, firm]]) }))).toEqual([
        { lineNo: 1, code: 'legal_representative', severity: 'block', message: '玄武科技有限公司为其法定代表人李四申领一次性吸纳就业补贴' },
      ]);
    });

    it('flags a person paid as an employee of an enterprise they represent, and passes anyone else', () => {
      const own = line(8, { employerEnterpriseId: 5 });
      expect(codes([own], facts({ persons: new Map([[8, rep]]), enterprises: new Map([[5, firm]]) }))).toEqual([[8, 'legal_representative', 'flag']]);
      expect(codes([own], facts({ persons: new Map([[8, person()]]), enterprises: new Map([[5, firm]]) }))).toEqual([]);
    });
  });

  describe('one bank account, different payees', () => {
    it('flags every line whose account another payee uses, however the number is spaced', () => {
      const shared = { accountNumber: '6222 0200-0001', bankName: '工商银行' };
      const found = releaseControls([line(1, { account: shared }), line(2, { account: { accountNumber: '622202000001', bankName: '工商银行' } }), line(3)], facts());
      expect(found.map((f) => [f.lineNo, f.code, f.severity])).toEqual([[1, 'shared_account', 'flag'], [2, 'shared_account', 'flag']]);
      expect(found[0]!.message).toContain('收款人2（第2笔）');
      expect(normalizeAccount(' 6222-0200 0001 ')).toBe('622202000001');
    });

    it('flags an account paid to another payee before, but not the same payee’s two lines', () => {
      const known = [{ accountNumber: '622200001', payee: { kind: 'person' as const, id: 99 }, payeeName: '王五' }];
      expect(releaseControls([line(1)], facts({ knownAccounts: known }))).toMatchObject([{ message: expect.stringContaining('王五（以往发放）') }]);
      const same = { payee: { kind: 'person' as const, id: 1 } };
      expect(releaseControls([line(1, same), line(2, { ...same, account: line(1).account, policyCode: 'other' })], facts())).toEqual([]);
    });
  });

  it('lets release go on only when blocks are gone and flags acknowledged', () => {
    const found = releaseControls([line(1, { account: { accountNumber: '1', bankName: 'b' } }), line(2, { account: { accountNumber: '1', bankName: 'b' } })], facts());
    expect(unresolvedFindings(found, new Set())).toHaveLength(2);
    expect(unresolvedFindings(found, new Set(found.map(findingKey)))).toEqual([]);
    const block = { lineNo: 3, code: 'deceased' as const, severity: 'block' as const, message: '' };
    expect(unresolvedFindings([block], new Set([findingKey(block)]))).toEqual([block]);
  });
});
