import { describe, expect, it } from 'vitest';
import {
  BANK_FILE_COLUMNS,
  BANK_RESULT_COLUMNS,
  type BankResultFile,
  type BatchHeader,
  type BatchLine,
  bankFileCaption,
  bankFileRows,
  bankFileSheet,
  readBankResult,
} from '../../shared/domain/payments';

const batch: BatchHeader = {
  number: 'JY202604001', fundSource: 'employment_subsidy_fund', month: '2026-04', state: 'released',
  preparedBy: 1, reviewedBy: 2, releasedBy: 2,
};

function line(lineNo: number, amountFen: number, over: Partial<BatchLine> = {}): BatchLine {
  return {
    lineNo, entitlementId: lineNo, payee: { kind: 'person', id: lineNo }, payeeName: `收款人${lineNo}`, payeeIdNumber: '320102199003071239',
    account: { accountNumber: `62220202000${lineNo}`, bankName: '工商银行玄武支行' }, policyCode: 'public_welfare_post', policyName: '公益性岗位补贴',
    policyVersion: 1, period: { from: '2026-01', to: '2026-03' }, amountFen, state: 'pending', reason: null, rebatchOf: null, ...over,
  };
}
const lines = [line(1, 300_000), line(2, 150_050), line(3, 99)];

/** A result file as the bank sends it back: header on sheet row 3, data from row 4. */
function result(rows: string[][], over: Partial<BankResultFile> = {}): BankResultFile {
  return { batchNumber: 'JY202604001', declaredCount: String(rows.length), declaredTotal: '', header: [...BANK_RESULT_COLUMNS], rows, ...over };
}
const ok = (no: number, amount: string): string[] => [String(no), `收款人${no}`, `62220202000${no}`, amount, '成功', ''];
const failed = (no: number, amount: string, reason: string): string[] => [String(no), `收款人${no}`, `62220202000${no}`, amount, '失败', reason];

describe('the bank file (银行代发文件)', () => {
  it('has one row per pending line with the full ID number, the amount in plain yuan and a purpose', () => {
    const file = bankFileRows(batch, [...lines, line(4, 500, { state: 'paid' })]);
    expect(file.batchNumber).toBe('JY202604001');
    expect(file.totals).toEqual({ count: 3, totalFen: 450_149 });
    expect(Object.keys(file.rows[0]!)).toEqual([...BANK_FILE_COLUMNS]);
    expect(file.rows[1]).toEqual({
      序号: '2', 收款人名称: '收款人2', 证件号码: '320102199003071239', 账号: '622202020002', 开户行: '工商银行玄武支行',
      '金额(元)': '1500.50', '用途/摘要': '就业补助资金 公益性岗位补贴 2026年1月—2026年3月',
    });
    expect(file.rows[2]!['金额(元)']).toBe('0.99');
    expect(bankFileCaption(batch, file.totals)).toBe('JY202604001 就业补助资金 2026年4月：合计 3 笔，4,501.49 元');
  });

  it('is a sheet of text cells the bank’s result, built on it, reads back against the batch', () => {
    const sheet = bankFileSheet(bankFileRows(batch, lines));
    expect(sheet.slice(0, 3)).toEqual([['批次号', 'JY202604001'], ['合计笔数', '3', '合计金额(元)', '4501.49'], [...BANK_FILE_COLUMNS]]);
    expect(sheet[3]).toEqual(['1', '收款人1', '320102199003071239', '622202020001', '工商银行玄武支行', '3000.00', '就业补助资金 公益性岗位补贴 2026年1月—2026年3月']);
    // The bank answers on the same layout, its result columns taken from the rows it was sent.
    const rows = sheet.slice(3).map((r) => [r[0]!, r[1]!, r[3]!, r[5]!, r[0] === '2' ? '失败' : '成功', r[0] === '2' ? '账户已冻结' : '']);
    const reading = readBankResult(batch, lines, { batchNumber: sheet[0]![1]!, declaredCount: sheet[1]![1]!, declaredTotal: sheet[1]![3]!, header: [...BANK_RESULT_COLUMNS], rows });
    expect(reading.ok && reading.outcomes.map((o) => o.result)).toEqual(['paid', 'failed', 'paid']);
  });

  it('is made only for a released batch', () => {
    expect(() => bankFileRows({ ...batch, state: 'reviewed' }, lines)).toThrow('未拨付');
  });
});

describe('the bank result (银行回盘), read all or nothing', () => {
  it('matches lines by 序号 and amount: paid, or failed with the bank’s reason', () => {
    const reading = readBankResult(batch, lines, result([ok(1, '3000.00'), failed(2, '1,500.50', '户名不符'), ok(3, '0.99')], { declaredTotal: '4501.49' }));
    expect(reading).toEqual({
      ok: true,
      outcomes: [{ lineNo: 1, result: 'paid', reason: null }, { lineNo: 2, result: 'failed', reason: '户名不符' }, { lineNo: 3, result: 'paid', reason: null }],
      missing: [],
    });
  });

  it('finds the columns by name in any order and skips blank rows', () => {
    const header = ['处理结果', '失败原因', '序号', '金额(元)', '账号', '收款人名称'];
    const reading = readBankResult(batch, lines, { ...result([], { declaredCount: '1', declaredTotal: '3000' }), header, rows: [['成功', '', '1', '3000', 'x', 'y'], ['', '', '', '', '', '']] });
    expect(reading).toEqual({ ok: true, outcomes: [{ lineNo: 1, result: 'paid', reason: null }], missing: [2, 3] });
  });

  it('refuses a result for another batch, naming the batch number', () => {
    const reading = readBankResult(batch, lines, result([ok(1, '3000.00')], { batchNumber: 'JY202603001', declaredTotal: '3000.00' }));
    expect(reading).toEqual({ ok: false, problems: [{ row: null, column: '批次号', message: '回盘文件的批次号为「JY202603001」，不是本批次JY202604001的结果' }] });
  });

  it('refuses a line whose amount differs, naming the sheet row and column', () => {
    const reading = readBankResult(batch, lines, result([ok(1, '3000.00'), ok(2, '1500.05')], { declaredTotal: '4500.05' }));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([{ row: 5, column: '金额(元)', message: '第5行「金额(元)」1,500.05与本批次第2笔的1,500.50不符' }]);
  });

  it('refuses unknown and duplicate lines', () => {
    const reading = readBankResult(batch, lines, result([ok(1, '3000.00'), ok(9, '1.00'), ok(1, '3000.00'), ok(0, '1'), ['abc', '', '', '1', '成功', '']], { declaredCount: '1', declaredTotal: '3000.00' }));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems.map((p) => [p.row, p.column])).toEqual([[5, '序号'], [6, '序号'], [7, '序号'], [8, '序号']]);
    expect(reading.problems[1]!.message).toBe('第6行「序号」1与第4行重复');
    expect(reading.problems[0]!.message).toContain('9不是本批次的明细');
  });

  it('refuses declared totals that do not add up to the rows', () => {
    const reading = readBankResult(batch, lines, result([ok(1, '3000.00'), ok(3, '0.99')], { declaredCount: '3', declaredTotal: '3000.00' }));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([
      { row: null, column: '合计笔数', message: '「合计笔数」3与明细行数2不符' },
      { row: null, column: '合计金额(元)', message: '「合计金额(元)」3000.00与明细金额之和3,000.99不符' },
    ]);
  });

  it('refuses a result word it does not know, a failure without reason, a bad amount and a missing column', () => {
    const r1 = readBankResult(batch, lines, result([[...ok(1, '3000.00').slice(0, 4), '处理中', ''], failed(2, '1500.50', ''), ok(3, '0.99元')], { declaredTotal: '4501.49' }));
    expect(r1.ok ? [] : r1.problems.map((p) => [p.row, p.column])).toEqual([[4, '处理结果'], [5, '失败原因'], [6, '金额(元)']]);
    const r2 = readBankResult(batch, lines, { ...result([ok(1, '3000.00')]), header: ['序号', '收款人名称', '账号', '金额', '处理结果', '失败原因'] });
    expect(r2).toEqual({ ok: false, problems: [{ row: 3, column: '金额(元)', message: '缺少「金额(元)」列' }] });
  });

  it('accepts the same result again but refuses changing a line’s result, and refuses a batch not released', () => {
    const after = [line(1, 300_000, { state: 'paid' }), line(2, 150_050, { state: 'failed', reason: '户名不符' }), line(3, 99)];
    expect(readBankResult(batch, after, result([ok(1, '3000.00'), ok(3, '0.99')], { declaredTotal: '3000.99' }))).toEqual({
      ok: true, outcomes: [{ lineNo: 3, result: 'paid', reason: null }], missing: [],
    });
    const changed = readBankResult(batch, after, result([ok(2, '1500.50')], { declaredTotal: '1500.50' }));
    expect(changed.ok ? '' : changed.problems[0]!.message).toBe('第4行：本批次第2笔已是发放失败，不能改为成功');
    const locked = readBankResult({ ...batch, state: 'locked' }, lines, result([ok(1, '3000.00')], { declaredTotal: '3000.00' }));
    expect(locked.ok ? '' : locked.problems[0]!.message).toContain('不在“已拨付”状态');
  });
});
