import { describe, expect, it } from 'vitest';
import {
  EDUCATION_CHOICES,
  EMPLOYMENT_STATUS_CHOICES,
  ETHNICITY_CHOICES,
  HOUSEHOLD_TYPE_CHOICES,
  matchHeaders,
  normalizeHeader,
  PERSON_IMPORT_COLUMNS,
  SEX_CHOICES,
  type ColumnSpec,
} from '../../shared/domain/import-columns';
import {
  birthDateMismatchReason,
  cellText,
  choiceCell,
  dateCell,
  duplicateInFileReason,
  idNumberCell,
  personNameCell,
  phoneCell,
  sexMismatchReason,
  textCell,
  unwrapCell,
} from '../../shared/domain/import-values';

const TODAY = '2026-11-27';
const LOST = '身份证号被 Excel 存成了数字，后几位已丢失（Excel 只保留15位有效数字），请将该列设为文本后重新录入';
const utc = (iso: string) => new Date(`${iso}Z`);

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['trailing spaces', '  张三 ', '张三'],
    ['full-width spaces', '\u3000张三\u3000', '张三'],
    ['NBSP', '\u00a0李四\u00a0', '李四'],
    ['zero-width characters, also inside', '\u200b王\u200d五\ufeff', '王五'],
    ['full-width ASCII', '１２３ＡＢＣ－／', '123ABC-/'],
    ['an 18-digit number without exponent', 320506199201150000, '320506199201150000'],
    ['a number JavaScript prints with an exponent', 1e21, '1000000000000000000000'],
    ['a negative large number', -2.5e21, '-2500000000000000000000'],
    ['a tiny number', 1.5e-7, '0.00000015'],
    ['a mobile number', 13812345678, '13812345678'],
    ['a decimal', 3.5, '3.5'],
    ['true', true, 'TRUE'],
    ['a date cell', utc('1992-01-15T00:00:00'), '1992-01-15'],
    ['a date-time cell', utc('2026-11-27T14:30:00'), '2026-11-27 14:30:00'],
    ['rich text', { richText: [{ text: '刘' }, { text: '洋 ', font: { bold: true } }] }, '刘洋'],
    ['a hyperlink', { text: '13912345678', hyperlink: 'tel:13912345678' }, '13912345678'],
    ['a hyperlink with rich text', { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, 'ab'],
    ['a formula result', { formula: 'A1+1', result: 7 }, '7'],
    ['a shared formula result', { sharedFormula: 'A1', result: '女' }, '女'],
    ['a formula without cached result', { formula: 'A1' }, ''],
    ['an error', { error: '#N/A' }, '#N/A'],
    ['a formula yielding an error', { formula: 'A1', result: { error: '#REF!' } }, '#REF!'],
  ])('%s', (_label, raw, text) => {
    expect(cellText(raw)).toBe(text);
  });

  it('unwrapCell keeps numbers and dates as they are, so parsers can tell what Excel stored', () => {
    expect(unwrapCell({ formula: 'B2', result: 320506199201150000 })).toBe(320506199201150000);
    expect(unwrapCell(utc('2026-11-27T00:00:00'))).toEqual(utc('2026-11-27T00:00:00'));
  });
});

describe('textCell and personNameCell', () => {
  it('treats a blank optional cell as null and a blank required one as 必填', () => {
    expect(textCell('  ')).toEqual({ ok: true, value: null });
    expect(textCell('\u3000', { required: true })).toEqual({ ok: false, reason: '必填' });
    expect(textCell(' 苏州大学 ')).toEqual({ ok: true, value: '苏州大学' });
    expect(textCell('一二三四五', { maxLength: 4 })).toEqual({ ok: false, reason: '不能超过4个字' });
  });

  it.each<[unknown, string]>([
    ['张　三', '张三'],
    [' 欧阳  娜娜 ', '欧阳娜娜'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['John   Smith', 'John Smith'],
    [{ richText: [{ text: '刘' }, { text: '洋' }] }, '刘洋'],
  ])('name %j → %s', (raw, name) => {
    expect(personNameCell(raw)).toEqual({ ok: true, value: name });
  });

  it('requires a name and limits its length', () => {
    expect(personNameCell('　')).toEqual({ ok: false, reason: '必填' });
    expect(personNameCell(null)).toEqual({ ok: false, reason: '必填' });
    expect(personNameCell('名'.repeat(51))).toEqual({ ok: false, reason: '姓名不能超过50个字' });
  });
});

describe('idNumberCell', () => {
  const female1992 = { idNumber: '32050619920115004X', birthDate: '1992-01-15', sex: 'female', regionCode: '320506', convertedFrom15: false };
  const legacy = { idNumber: '320506196501011232', birthDate: '1965-01-01', sex: 'male', regionCode: '320506', convertedFrom15: true };

  it.each<[string, unknown]>([
    ['plain', '32050619920115004X'],
    ['lower-case x', '32050619920115004x'],
    ['full-width with spaces around', ' ３２０５０６１９９２０１１５００４ｘ\u3000'],
    ['inner spaces', '320506 19920115 004X'],
    ['a zero-width space in front', '\u200b32050619920115004X'],
    ['rich text', { richText: [{ text: '320506' }, { text: '19920115004X' }] }],
  ])('accepts %s', (_label, raw) => {
    expect(idNumberCell(raw, TODAY)).toEqual({ ok: true, value: female1992 });
  });

  it('converts a 15-digit legacy number, whether a number cell, text, or all 15 digits in scientific notation', () => {
    expect(idNumberCell(320506650101123, TODAY)).toEqual({ ok: true, value: legacy });
    expect(idNumberCell('320506650101123', TODAY)).toEqual({ ok: true, value: legacy });
    expect(idNumberCell('3.20506650101123E+14', TODAY)).toEqual({ ok: true, value: legacy });
    expect(idNumberCell({ formula: 'A1', result: 320506650101123 }, TODAY)).toEqual({ ok: true, value: legacy });
  });

  it.each<[string, unknown]>([
    ['an 18-digit number as Excel stored it', 320506199201150000],
    // eslint-disable-next-line no-loss-of-precision -- the loss is the point: this is the double Excel would hold
    ['an 18-digit number as typed (the double is the same)', 320506199201150047],
    ['a 16-digit number', 1000000000000000],
    ['a formula yielding a long number', { formula: 'A1', result: 320506199201150000 }],
    ['scientific notation as Excel shows it', '3.20506E+17'],
    ['scientific notation with 14 mantissa digits', '3.2050619920115E17'],
    ['lower-case e, full-width', '３.２０５０６ｅ＋１７'],
  ])('refuses %s: the last digits are gone and are never guessed', (_label, raw) => {
    expect(idNumberCell(raw, TODAY)).toEqual({ ok: false, reason: LOST });
  });

  it.each<[unknown, string]>([
    ['320102199003071238', '身份证号：校验位不正确，请核对是否录错'],
    ['320583200102298768', '身份证号：其中的出生日期不存在'],
    ['32010219900307123', '身份证号：应为18位（旧证15位）'],
    ['320506202701011235', '身份证号：其中的出生日期晚于今天'],
    ['990102199003071233', '身份证号：前两位不是有效的省级行政区划代码'],
    ['32010219900307123A', '身份证号：只能由数字组成，最后一位可以是X'],
    ['', '身份证号：必填'],
    [null, '身份证号：必填'],
    [999999999999999, '身份证号：前两位不是有效的省级行政区划代码'],
    [12345, '身份证号：应为18位（旧证15位）'],
    [utc('1992-01-15T00:00:00'), '身份证号：应为18位（旧证15位）'],
  ])('%j → %s', (raw, reason) => {
    expect(idNumberCell(raw, TODAY)).toEqual({ ok: false, reason });
  });
});

describe('dateCell', () => {
  it.each<[string, unknown, string]>([
    ['a Date cell (UTC day)', utc('1992-01-15T00:00:00'), '1992-01-15'],
    ['a Date cell late in the UTC day', utc('1992-01-15T23:59:59'), '1992-01-15'],
    ['serial 1', 1, '1900-01-01'],
    ['serial 59', 59, '1900-02-28'],
    ['serial 61, after the fake leap day', 61, '1900-03-01'],
    ['serial 33618', 33618, '1992-01-15'],
    ['serial 46353', 46353, '2026-11-27'],
    ['a serial with a time of day', 46353.75, '2026-11-27'],
    ['the last serial', 2958465, '9999-12-31'],
    ['20261127 typed as a number', 20261127, '2026-11-27'],
    ['ISO', '2026-11-27', '2026-11-27'],
    ['slashes', '2026/11/27', '2026-11-27'],
    ['dots', '2026.11.27', '2026-11-27'],
    ['Chinese', '2026年11月27日', '2026-11-27'],
    ['Chinese without 日', '2026年1月5', '2026-01-05'],
    ['Chinese with spaces', ' 2026 年 11 月 27 日 ', '2026-11-27'],
    ['eight digits', '20261127', '2026-11-27'],
    ['single-digit month and day', '2026-1-5', '2026-01-05'],
    ['full-width digits', '２０２６－１１－２７', '2026-11-27'],
    ['full-width Chinese', '２０２６年１１月２７日', '2026-11-27'],
    ['with a time', '2026-11-27 00:00:00', '2026-11-27'],
    ['29 February of a leap year', '2024-02-29', '2024-02-29'],
    ['a formula result', { formula: 'TODAY()', result: utc('2026-11-27T00:00:00') }, '2026-11-27'],
  ])('reads %s', (_label, raw, iso) => {
    expect(dateCell(raw)).toEqual({ ok: true, value: iso });
  });

  it('reads serials of the 1904 date system when the workbook uses it', () => {
    expect(dateCell(0, { date1904: true })).toEqual({ ok: true, value: '1904-01-01' });
    expect(dateCell(32156, { date1904: true })).toEqual({ ok: true, value: '1992-01-15' });
    expect(dateCell(32156)).toEqual({ ok: true, value: '1988-01-14' });
  });

  it('treats a blank cell as no date', () => {
    expect(dateCell(null)).toEqual({ ok: true, value: null });
    expect(dateCell(' \u3000')).toEqual({ ok: true, value: null });
  });

  it.each<[string, unknown, string]>([
    ['30 February', '2026-02-30', '日期不存在，请核对年、月、日'],
    ['month 13', '2026-13-01', '日期不存在，请核对年、月、日'],
    ['29 February of a common year', '2025年2月29日', '日期不存在，请核对年、月、日'],
    ['an impossible yyyymmdd number', 20260230, '日期不存在，请核对年、月、日'],
    ['the fake 1900-02-29 (serial 60)', 60, '日期不存在（Excel 把不存在的1900年2月29日算作一天）'],
    ['serial 0', 0, '数字超出 Excel 日期的范围，不是有效的日期'],
    ['a negative serial', -5, '数字超出 Excel 日期的范围，不是有效的日期'],
    ['a serial past 9999', 2958466, '数字超出 Excel 日期的范围，不是有效的日期'],
    ['mixed separators', '2026/11-27', '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日'],
    ['a two-digit year', '26-11-27', '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日'],
    ['a season', '2024年夏', '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日'],
    ['year and month only', '1992.03', '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日'],
    ['an invalid Date', new Date(Number.NaN), '日期格式无法识别，请写成 2026-11-27 或 2026年11月27日'],
  ])('refuses %s', (_label, raw, reason) => {
    expect(dateCell(raw)).toEqual({ ok: false, reason });
  });
});

describe('phoneCell', () => {
  it.each<[unknown, string]>([
    ['13912345678', '13912345678'],
    [13912345678, '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    [{ text: '13912345678', hyperlink: 'tel:13912345678' }, '13912345678'],
  ])('%j → %s', (raw, phone) => {
    expect(phoneCell(raw)).toEqual({ ok: true, value: phone });
  });

  it.each<unknown>(['1391234567', '0512-66881234', '12912345678', 1391234567, '13912345678/13812345678'])('refuses %j', (raw) => {
    expect(phoneCell(raw)).toEqual({ ok: false, reason: '手机号码应为11位，以1开头' });
  });

  it('treats a blank cell as no phone', () => {
    expect(phoneCell('')).toEqual({ ok: true, value: null });
  });
});

describe('choiceCell', () => {
  it.each<[unknown, Record<string, string>, string]>([
    ['男', SEX_CHOICES, 'male'],
    [' 女性 ', SEX_CHOICES, 'female'],
    ['非农业', HOUSEHOLD_TYPE_CHOICES, 'urban'],
    ['农业户口', HOUSEHOLD_TYPE_CHOICES, 'rural'],
    ['大专', EDUCATION_CHOICES, '30'],
    ['大学本科', EDUCATION_CHOICES, '20'],
    ['汉', ETHNICITY_CHOICES, '01'],
    ['汉族', ETHNICITY_CHOICES, '01'],
    ['维吾尔族', ETHNICITY_CHOICES, '05'],
    ['基诺族', ETHNICITY_CHOICES, '56'],
    ['灵活就业', EMPLOYMENT_STATUS_CHOICES, 'employed'],
    ['YES', { Yes: 'y', 否: 'n' }, 'y'],
    ['ｙｅｓ', { Yes: 'y', 否: 'n' }, 'y'],
    [{ formula: 'IF(1,"女","男")', result: '女' }, SEX_CHOICES, 'female'],
  ])('%j → %s', (raw, options, code) => {
    expect(choiceCell(raw, options)).toEqual({ ok: true, value: code });
  });

  it('treats a blank cell as no choice', () => {
    expect(choiceCell('  ', SEX_CHOICES)).toEqual({ ok: true, value: null });
  });

  it.each<[unknown, Record<string, string>, string]>([
    ['未知', SEX_CHOICES, '应为以下之一：男、女'],
    ['居民户口', HOUSEHOLD_TYPE_CHOICES, '应为以下之一：城镇、农村'],
    ['大学', EDUCATION_CHOICES, '应为以下之一：研究生、博士、硕士、本科、专科、中职、中专、职高、技校、高中、初中、小学、其他'],
    ['失业', EMPLOYMENT_STATUS_CHOICES, '应为以下之一：已就业、登记失业、未就业、非劳动力、已退休'],
  ])('refuses %j, listing the labels (not the synonyms)', (raw, options, reason) => {
    expect(choiceCell(raw, options)).toEqual({ ok: false, reason });
  });
});

describe('cross-field reasons', () => {
  it('compares the sex column with the ID number only when the column is filled', () => {
    expect(sexMismatchReason(null, 'male')).toBeNull();
    expect(sexMismatchReason('male', 'male')).toBeNull();
    expect(sexMismatchReason('female', 'male')).toBe('性别与身份证号不符（按身份证号应为男）');
    expect(sexMismatchReason('male', 'female')).toBe('性别与身份证号不符（按身份证号应为女）');
  });

  it('compares the birth date column with the ID number only when the column is filled', () => {
    expect(birthDateMismatchReason(null, '1976-02-14')).toBeNull();
    expect(birthDateMismatchReason('1976-02-14', '1976-02-14')).toBeNull();
    expect(birthDateMismatchReason('1976-04-12', '1976-02-14')).toBe('出生日期与身份证号不符（按身份证号应为1976-02-14）');
  });

  it('names the earlier row of a duplicate', () => {
    expect(duplicateInFileReason('身份证号', 8)).toBe('身份证号与第8行重复');
  });
});

describe('matchHeaders', () => {
  it('recognises synonyms, required markers, notes in brackets, line breaks and padding', () => {
    const headers = ['序号', '*姓名', '＊公民身份号码', '联系电话', '性别', '出生日期（必填）', '民族', '学历 ', '户口性质（城镇/农村）',
      '现住址', '毕业\n院校', '专业', '毕业时间', '就业情况', '', '备注'];
    expect(matchHeaders(headers, PERSON_IMPORT_COLUMNS)).toEqual({
      columns: { name: 1, idNumber: 2, phone: 3, sex: 4, birthDate: 5, ethnicity: 6, education: 7, householdType: 8,
        residence: 9, school: 10, major: 11, graduationDate: 12, employmentStatus: 13 },
      unknownHeaders: ['序号', '备注'],
      missingRequired: [],
      duplicateHeaders: [],
    });
  });

  it.each<[string, string]>([
    ['姓名', 'name'], ['身份证号', 'idNumber'], ['公民身份号码', 'idNumber'], ['身份证号码', 'idNumber'], ['证件号码', 'idNumber'],
    ['手机号码', 'phone'], ['联系电话', 'phone'], ['电话', 'phone'], ['手机', 'phone'], ['性别', 'sex'], ['出生日期', 'birthDate'],
    ['出生年月', 'birthDate'], ['民族', 'ethnicity'], ['文化程度', 'education'], ['学历', 'education'], ['户口性质', 'householdType'],
    ['户籍性质', 'householdType'], ['现居住地', 'residence'], ['居住地址', 'residence'], ['现住址', 'residence'], ['毕业学校', 'school'],
    ['毕业院校', 'school'], ['所学专业', 'major'], ['专业', 'major'], ['毕业日期', 'graduationDate'], ['毕业时间', 'graduationDate'],
    ['就业状态', 'employmentStatus'], ['就业情况', 'employmentStatus'], ['姓名(必填)', 'name'], ['* 身份证号 （必填）', 'idNumber'],
  ])('%s → %s', (header, field) => {
    expect(matchHeaders([header], PERSON_IMPORT_COLUMNS).columns).toEqual({ [field]: 0 });
  });

  it('reports the required columns that are missing', () => {
    const result = matchHeaders(['姓名', '性别'], PERSON_IMPORT_COLUMNS);
    expect(result.missingRequired.map((s) => s.field)).toEqual(['idNumber']);
    expect(matchHeaders(['民族'], PERSON_IMPORT_COLUMNS).missingRequired.map((s) => s.field)).toEqual(['name', 'idNumber']);
  });

  it('gives a field to its first column and reports the later ones', () => {
    const result = matchHeaders(['姓名', '联系电话', '手机'], PERSON_IMPORT_COLUMNS);
    expect(result.columns).toEqual({ name: 0, phone: 1 });
    expect(result.duplicateHeaders).toEqual(['手机']);
    expect(result.unknownHeaders).toEqual([]);
  });

  it('lets a saved mapping name, override or ignore columns, and distrusts mappings to unknown fields', () => {
    const saved = { ' 家庭住址 ': 'residence', 联系电话: 'school', 备注: '', 旧列: 'noSuchField' };
    const result = matchHeaders(['姓名', '家庭住址', '联系电话', '备注', '旧列'], PERSON_IMPORT_COLUMNS, saved);
    expect(result.columns).toEqual({ name: 0, residence: 1, school: 2 });
    expect(result.unknownHeaders).toEqual(['旧列']);
  });

  it('compares latin headers case-insensitively and half-width', () => {
    const specs: ColumnSpec[] = [{ field: 'email', label: 'E-mail', synonyms: ['邮箱'] }];
    expect(matchHeaders(['Ｅ－ＭＡＩＬ', 'e-mail：'], specs)).toMatchObject({ columns: { email: 0 }, duplicateHeaders: ['e-mail：'] });
    expect(normalizeHeader(' ＊E-Mail（必填）： ')).toBe('e-mail');
  });

  it('declares name and ID number as the required person columns', () => {
    expect(PERSON_IMPORT_COLUMNS.filter((s) => s.required).map((s) => s.field)).toEqual(['name', 'idNumber']);
  });
});
