/**
 * Row checks of department data (部门数据比对). Every cell is checked as in the
 * other imports (ID numbers and credit codes by their check characters, dates
 * real), then against the file's 数据截止日期 and the person's life, and each
 * sound row is matched: a person by ID number, an enterprise by credit code.
 * A row naming nobody registered in this county is not bad — department lists
 * cover the whole city — it is noted 未在本县登记 and not written.
 *
 * A name that differs from the registry's is a warning (the row is written):
 * the check character already vouches for the ID number, and the two systems
 * often spell rare characters differently. On a death list it is a problem
 * instead: a death written to the wrong person would cut a living person off
 * from every service, so such a row waits until someone checks it.
 */
import { addYears } from './calendar';
import {
  ARREARS_CHOICES, ASSISTANCE_CHOICES, BUSINESS_STATUS_CHOICES, DISABILITY_CATEGORIES, DISABILITY_CATEGORY_CHOICES,
  DISABILITY_GRADE_CHOICES, FACT_COLUMNS, type FactSource,
} from './department-facts';
import { matchHeaders } from './import-columns';
import { checkRows, firstRowTracker, type RowCheck, type RowReader, type SheetRows } from './import-rows';
import { cellText, choiceCell, countCell, creditCodeCell, dateCell, idNumberCell, personNameCell, REQUIRED_REASON, textCell, yuanCell } from './import-values';
import { compactCode } from './text';

/** The registry as the checks see it (the service answers from the database). */
export interface FactRegistry {
  /** The registered person with this ID number (a merged duplicate answers with the record it was merged into). */
  person(idNumber: string): { id: number; name: string } | null;
  /** The registered enterprise with this credit code or 注册号, with its current and former names. */
  enterprise(key: string): { id: number; names: readonly string[] } | null;
}

export interface FactCheckOptions {
  today: string;
  /** 数据截止日期: no date in the file may be later. */
  asOf: string;
}

export const UNMATCHED_REASON = '未在本县登记';
export const NAME_DIFFERS_REASON = '姓名与一人一档登记的不一致，请核对';
export const DEATH_NAME_DIFFERS_REASON = '姓名与一人一档登记的不一致，死亡记录不予写入，请核对后重新导入';
export const ENTERPRISE_NAME_DIFFERS_REASON = '单位名称与企业库登记的（含曾用名）不一致，请核对';

type Row = RowReader<string>;
type Seen = (key: string, rowNumber: number) => string | null;

/** Names compared as written: no spaces, one kind of middle dot (少数民族 names), half-width. */
function sameName(a: string, b: string): boolean {
  const key = (s: string) => compactCode(s).replace(/[·•・．.]/g, '·');
  return key(a) === key(b);
}

/** Whole calendar months from the month of `from` to the month of `to`, both counted. */
function monthsSpanned(from: string, to: string): number {
  if (to < from) return 0;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/**
 * The person columns every person list has: ID number (its check character,
 * once in the file), name, and the registered person it names. Answers the
 * ID number and birth date for the other checks, or null when the ID number is bad.
 */
function checkPersonKey(row: Row, options: FactCheckOptions, registry: FactRegistry, seen: Seen, strictName: boolean, duplicateKey = ''): { idNumber: string; birthDate: string } | null {
  const name = row.take('name', personNameCell(row.raw('name')));
  const id = idNumberCell(row.raw('idNumber'), options.today);
  if (!id.ok) {
    row.problem('idNumber', id.reason);
    return null;
  }
  const duplicate = seen(id.value.idNumber + duplicateKey, row.rowNumber);
  if (duplicate) row.problem('idNumber', duplicate);
  row.set({ idNumber: id.value.idNumber });
  const person = registry.person(id.value.idNumber);
  if (!person) row.note('idNumber', UNMATCHED_REASON, 'unmatched');
  else {
    row.set({ personId: String(person.id) });
    if (name !== null && !sameName(name, person.name)) {
      if (strictName) row.problem('name', DEATH_NAME_DIFFERS_REASON);
      else row.note('name', NAME_DIFFERS_REASON, 'warning');
    }
  }
  return { idNumber: id.value.idNumber, birthDate: id.value.birthDate };
}

/** A date of the file: real, not after the 数据截止日期 unless allowed, and not before the person was born. */
function lifeDate(row: Row, field: string, label: string, options: FactCheckOptions, limits: { birthDate?: string | null; required?: boolean; mayFollowAsOf?: boolean }): string | null {
  const result = dateCell(row.raw(field), { date1904: row.date1904 });
  if (result.ok && result.value === null && limits.required) {
    row.problem(field, REQUIRED_REASON);
    return null;
  }
  const date = row.take(field, result);
  if (date === null) return null;
  if (!limits.mayFollowAsOf && date > options.asOf) row.problem(field, `${label}不能晚于数据截止日期（${options.asOf}）`);
  else if (limits.birthDate && date < limits.birthDate) row.problem(field, `${label}不能早于本人出生日期（${limits.birthDate}）`);
  return date;
}

function requiredCount(row: Row, field: string, options: { max?: number } = {}): number | null {
  const result = countCell(row.raw(field));
  if (result.ok && result.value === null) {
    row.problem(field, REQUIRED_REASON);
    return null;
  }
  const value = row.take(field, result);
  if (value === null) return null;
  if (options.max !== undefined && Number(value) > options.max) {
    row.problem(field, `不能大于${options.max}`);
    return null;
  }
  return Number(value);
}

function requiredChoice(row: Row, field: string, choices: Record<string, string>): string | null {
  const result = choiceCell(row.raw(field), choices);
  if (result.ok && result.value === null) {
    row.problem(field, REQUIRED_REASON);
    return null;
  }
  return row.take(field, result);
}

/** A credit code (or 注册号) cell; blank is null, or a problem when required. */
function enterpriseKey(row: Row, field: string, required: boolean): string | null {
  if (cellText(row.raw(field)) === '') {
    if (required) row.problem(field, REQUIRED_REASON);
    return null;
  }
  const key = creditCodeCell(row.raw(field));
  if (!key.ok) {
    row.problem(field, key.reason);
    return null;
  }
  row.set({ [field]: key.value.value });
  return key.value.value;
}

type SourceCheck = (row: Row, options: FactCheckOptions, registry: FactRegistry, seen: Seen) => void;

const CHECKS: Record<FactSource, SourceCheck> = {
  person_insurance(row, options, registry, seen) {
    const birthDate = checkPersonKey(row, options, registry, seen, false)?.birthDate ?? null;
    const total = requiredCount(row, 'monthsTotal');
    const last12 = requiredCount(row, 'monthsLast12', { max: 12 });
    if (total !== null && last12 !== null && last12 > total) row.problem('monthsLast12', '近12个月缴费月数不能大于累计缴费月数');
    if (total !== null && birthDate) {
      // Nobody contributes before 16: at most the months from the 16th birthday to the 数据截止日期.
      const most = monthsSpanned(addYears(birthDate, 16), options.asOf);
      if (total > most) row.problem('monthsTotal', `累计缴费月数超过本人16周岁至数据截止日期的月数（最多${most}个月）`);
    }
    const employer = enterpriseKey(row, 'employerCreditCode', false);
    const since = lifeDate(row, 'employerSince', '本单位参保起始日期', options, { birthDate });
    if (since !== null && employer === null && cellText(row.raw('employerCreditCode')) === '') row.problem('employerSince', '填写了本单位参保起始日期，应同时填写参保单位统一社会信用代码');
    if (employer !== null) row.set({ enterpriseId: registry.enterprise(employer)?.id.toString() ?? null });
  },

  employer_insurance(row, options, registry, seen) {
    const name = row.take('name', textCell(row.raw('name'), { required: true, maxLength: 100 }));
    const key = enterpriseKey(row, 'creditCode', true);
    requiredCount(row, 'insuredHeadcount');
    for (const field of ['headcountYearAgo', 'headcountStartLastYear', 'reductionsLastYear']) row.take(field, countCell(row.raw(field)));
    row.take('uiPaidLastYear', yuanCell(row.raw('uiPaidLastYear')));
    requiredChoice(row, 'arrears', ARREARS_CHOICES);
    if (key === null) return;
    const duplicate = seen(key, row.rowNumber);
    if (duplicate) row.problem('creditCode', duplicate);
    const enterprise = registry.enterprise(key);
    if (!enterprise) {
      row.note('creditCode', UNMATCHED_REASON, 'unmatched');
      return;
    }
    row.set({ enterpriseId: String(enterprise.id) });
    if (name !== null && !enterprise.names.some((n) => sameName(n, name))) row.note('name', ENTERPRISE_NAME_DIFFERS_REASON, 'warning');
  },

  assistance(row, options, registry, seen) {
    const kind = requiredChoice(row, 'kind', ASSISTANCE_CHOICES);
    // One person may be on the list once per 类别.
    const birthDate = checkPersonKey(row, options, registry, seen, false, `|${kind ?? ''}`)?.birthDate ?? null;
    const from = lifeDate(row, 'fromDate', '起始日期', options, { birthDate });
    const to = lifeDate(row, 'toDate', '终止日期', options, { birthDate, mayFollowAsOf: true });
    if (from !== null && to !== null && to < from) row.problem('toDate', '终止日期不能早于起始日期');
  },

  deaths(row, options, registry, seen) {
    const birthDate = checkPersonKey(row, options, registry, seen, true)?.birthDate ?? null;
    lifeDate(row, 'diedOn', '死亡日期', options, { birthDate, required: true });
  },

  business_registrations(row, options, registry, seen) {
    const key = enterpriseKey(row, 'creditCode', true);
    if (key !== null) {
      const duplicate = seen(key, row.rowNumber);
      if (duplicate) row.problem('creditCode', duplicate);
      const enterprise = registry.enterprise(key);
      row.set({ enterpriseId: enterprise ? String(enterprise.id) : null });
    }
    row.take('businessName', textCell(row.raw('businessName'), { required: true, maxLength: 100 }));
    // The person is matched; the business itself may be registered anywhere (its founding date is its own, not the person's).
    checkPersonKey(row, options, registry, () => null, false);
    lifeDate(row, 'foundedOn', '成立日期', options, { required: true });
    requiredChoice(row, 'status', BUSINESS_STATUS_CHOICES);
  },

  disability_certificates(row, options, registry, seen) {
    const person = checkPersonKey(row, options, registry, seen, false);
    const number = textCell(row.raw('certificateNo'), { required: true, maxLength: 30 });
    const certificate = number.ok && number.value ? compactCode(number.value).toUpperCase() : null;
    if (!number.ok) row.problem('certificateNo', number.reason);
    let category = row.take('category', choiceCell(row.raw('category'), DISABILITY_CATEGORY_CHOICES));
    let grade = row.take('grade', choiceCell(row.raw('grade'), DISABILITY_GRADE_CHOICES));
    if (certificate !== null) {
      row.set({ certificateNo: certificate });
      // 第二代残疾人证号: the holder's 18-character ID number, then the category and the grade.
      const second = /^(\d{17}[\dX])([1-7])([1-4])$/.exec(certificate);
      if (second && person && second[1] !== person.idNumber) row.problem('certificateNo', '残疾人证号的前18位应为本人身份证号');
      else if (second) {
        if (category !== null && category !== second[2]) row.problem('category', `残疾类别与残疾人证号第19位不符（按证号应为${DISABILITY_CATEGORIES.find(([c]) => c === second[2])![1]}）`);
        if (grade !== null && grade !== second[3]) row.problem('grade', `残疾等级与残疾人证号第20位不符（按证号应为${second[3]}级）`);
        category ??= second[2]!;
        grade ??= second[3]!;
        row.set({ category, grade });
      }
    }
    lifeDate(row, 'validTo', '有效期至', options, { birthDate: person?.birthDate ?? null, mayFollowAsOf: true });
  },
};

/**
 * The ID numbers and credit codes (or 注册号) a file names, as the checks will read
 * them: the service looks them all up in batches before the rows are checked.
 */
export function factKeys(source: FactSource, sheet: SheetRows, today: string, savedMapping?: Record<string, string>): { idNumbers: string[]; enterpriseKeys: string[] } {
  const { columns } = matchHeaders(sheet.headers, FACT_COLUMNS[source], savedMapping);
  const at = (field: string) => (columns as Record<string, number | undefined>)[field];
  const idAt = at('idNumber');
  const keyAts = ['creditCode', 'employerCreditCode'].map(at).filter((i): i is number => i !== undefined);
  const idNumbers = new Set<string>();
  const enterpriseKeys = new Set<string>();
  for (const { cells } of sheet.rows) {
    const id = idAt === undefined ? null : idNumberCell(cells[idAt], today);
    if (id?.ok) idNumbers.add(id.value.idNumber);
    for (const i of keyAts) {
      const key = creditCodeCell(cells[i]);
      if (key.ok) enterpriseKeys.add(key.value.value);
    }
  }
  return { idNumbers: [...idNumbers], enterpriseKeys: [...enterpriseKeys] };
}

/** Checks and matches every row of one department's file. */
export function checkFactRows(source: FactSource, sheet: SheetRows, options: FactCheckOptions, registry: FactRegistry, savedMapping?: Record<string, string>): RowCheck[] {
  // The first column is the key a row is matched by: 身份证号, or 统一社会信用代码 for firms.
  const seen = firstRowTracker(FACT_COLUMNS[source][0]!.label);
  const check = CHECKS[source];
  return checkRows(sheet, FACT_COLUMNS[source], savedMapping, (row) => check(row, options, registry, seen));
}
