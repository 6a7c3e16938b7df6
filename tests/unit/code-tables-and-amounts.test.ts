import { describe, expect, it } from 'vitest';
import { applicantMayApply, CODE_PATTERN, codeEntryProblems, generatedCode } from '../../shared/domain/editable-code-tables';
import { formatFenAsYuan, MAX_AMOUNT_FEN, parseYuanToFen } from '../../shared/domain/case-types';

describe('amounts typed in 元, kept in 分', () => {
  it.each([
    ['1500', 150000],
    ['1,500.5', 150050],
    ['1,500.50', 150050],
    ['1，500', 150000],
    [' 1500.05 ', 150005],
    ['0.01', 1],
    ['0', 0],
    ['99999999.99', 9_999_999_999],
  ])('%s → %i fen', (typed, fen) => {
    expect(parseYuanToFen(typed)).toBe(fen);
  });

  it.each(['', '   ', '0.005', '-1', '-5', 'abc', '1e3', '1.2.3', '.5', '15元', '123456789'])('“%s” is not an amount', (typed) => {
    expect(parseYuanToFen(typed)).toBeNull();
  });

  it('reads whole fen exactly where a float would not (0.29 yuan is 29 fen, not 28.999…)', () => {
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1234567.89')).toBe(123456789);
  });

  it.each([
    [123456, '1,234.56'],
    [150050, '1,500.50'],
    [5, '0.05'],
    [0, '0.00'],
    [MAX_AMOUNT_FEN, '10,000,000.00'],
  ])('%i fen prints as %s', (fen, printed) => {
    expect(formatFenAsYuan(fen)).toBe(printed);
  });

  it('prints what it parses back to the same fen', () => {
    for (const fen of [1, 99, 100, 150050, 123456789]) expect(parseYuanToFen(formatFenAsYuan(fen))).toBe(fen);
  });
});

describe('entries of the administrator’s code tables', () => {
  const category = { code: 'flood_affected', label: '受灾家庭成员', applicant: null };
  const subsidy = { code: 'return_home_startup', label: '返乡创业补贴', applicant: 'person' as const };

  it('accepts a well-formed category and subsidy', () => {
    expect(codeEntryProblems('difficulty_categories', category)).toEqual({});
    expect(codeEntryProblems('subsidy_catalogue', subsidy)).toEqual({});
  });

  it.each(['Flood', '1flood', 'f', 'flood-affected', 'flood affected', '受灾', 'a'.repeat(41)])('refuses the code “%s”', (code) => {
    expect(Object.keys(codeEntryProblems('difficulty_categories', { ...category, code }))).toEqual(['code']);
  });

  it('asks for a name of at most 60 characters, judged without the spaces around it', () => {
    expect(codeEntryProblems('difficulty_categories', { ...category, label: '  ' })).toEqual({ label: '请填写名称' });
    expect(codeEntryProblems('difficulty_categories', { ...category, label: '名'.repeat(61) })).toEqual({ label: '名称不能超过60个字' });
    expect(codeEntryProblems('difficulty_categories', { ...category, label: ` ${'名'.repeat(60)} ` })).toEqual({});
  });

  it('wants an applicant on a subsidy and none on a category', () => {
    expect(codeEntryProblems('subsidy_catalogue', { ...subsidy, applicant: null })).toEqual({ applicant: '请选择申请对象（个人、单位或两者）' });
    expect(codeEntryProblems('difficulty_categories', { ...category, applicant: 'both' })).toEqual({ applicant: '此代码表没有申请对象' });
  });

  it('names every problem at once', () => {
    expect(Object.keys(codeEntryProblems('subsidy_catalogue', { code: 'X', label: '', applicant: null })).sort()).toEqual(['applicant', 'code', 'label']);
  });

  it('lets an applicant ask only for a subsidy open to its kind', () => {
    expect(applicantMayApply('person', 'person')).toBe(true);
    expect(applicantMayApply('person', 'enterprise')).toBe(false);
    expect(applicantMayApply('enterprise', 'person')).toBe(false);
    expect(applicantMayApply('both', 'enterprise')).toBe(true);
    expect(applicantMayApply(null, 'person')).toBe(false);
  });
});

describe('the code of a new 业务代码表 entry is made by the desk from its name', () => {
  it('takes the pinyin initials, numbered when taken, and never asks the administrator for an English key', () => {
    expect(generatedCode('返乡创业补贴', new Set())).toBe('fxcybt');
    expect(generatedCode('返乡创业补贴', new Set(['fxcybt', 'fxcybt_2']))).toBe('fxcybt_3');
    expect(generatedCode('受灾家庭成员', new Set(['age_4050']))).toBe('szjtcy');
    // Too few letters for a code of its own: still a valid code.
    expect(generatedCode('A', new Set())).toBe('code_a');
    for (const label of ['返乡创业补贴', '4050人员', 'A', '零就业家庭（城镇）']) expect(generatedCode(label, new Set())).toMatch(CODE_PATTERN);
  });
});
