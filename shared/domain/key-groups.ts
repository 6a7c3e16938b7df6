import { addDays, addYears, parseIsoDate } from './calendar';
import { ageOn } from './dates';
import {
  type FemaleRetirementCategory,
  isWorkingAge,
  retirementWindowStart,
  statutoryRetirement,
} from './retirement';

/**
 * 重点群体 (key groups), computed from a person's facts and a date, never
 * typed by hand: a tag typed once goes stale (a graduate's two years run out,
 * a certification expires), a computed one is right on every screen and in
 * every report for the date asked about. Each tag carries its rule in Chinese
 * so staff can see why a person is (or is not) in a group.
 */

export type EmploymentStatus =
  | 'employed'
  | 'unemployed_registered'
  | 'unemployed_unregistered'
  | 'not_in_labour_force'
  | 'retired';

export type KeyGroupCode =
  | 'graduate_this_year'
  | 'graduate_unemployed_2y'
  | 'age_4050'
  | 'near_retirement'
  | 'rural_labour'
  | 'veteran'
  | 'disabled'
  | 'low_income'
  | 'employment_difficulty';

/** One 就业困难人员 certification; categories are the province's editable code table. */
export interface DifficultyCertification {
  /** The category's name as printed (认定类别), used in the tag's rule text only. */
  category: string;
  validFrom: string;
  validTo: string | null;
  endedOn: string | null;
}

export interface KeyGroupFacts {
  birthDate: string;
  sex: 'male' | 'female';
  femaleRetirementCategory?: FemaleRetirementCategory;
  householdType: 'urban' | 'rural' | null;
  /** GB/T 4658 two digits: 10 研究生, 20 本科, 30 专科, 4x 中职, 60 高中, 70 初中, 80 小学, 90 其他. */
  educationCode: string | null;
  graduationDate: string | null;
  employmentStatus: EmploymentStatus;
  isVeteran: boolean;
  /** '1'..'4' when certified disabled. */
  disabilityGrade: string | null;
  /** 低保 / 低收入. */
  lowIncomeStatus: 'dibao' | 'low_income' | null;
  certifications: DifficultyCertification[];
}

export interface KeyGroupTag {
  code: KeyGroupCode;
  label: string;
  /** The rule in Chinese, shown on hover and in reports. */
  rule: string;
  asOf: string;
  /** Last day the tag holds if nothing changes, when known. */
  until?: string;
}

/** In this order tags are returned and listed. */
export const KEY_GROUP_LABELS: Record<KeyGroupCode, string> = {
  graduate_this_year: '毕业年度高校毕业生',
  graduate_unemployed_2y: '离校2年内未就业高校毕业生',
  age_4050: '“4050”人员',
  near_retirement: '距法定退休年龄不足5年人员',
  rural_labour: '农村劳动力',
  veteran: '退役军人',
  disabled: '残疾人',
  low_income: '低保对象及低收入人口',
  employment_difficulty: '就业困难人员',
};

export const KEY_GROUP_CODES = Object.keys(KEY_GROUP_LABELS) as KeyGroupCode[];

/** Years before retirement in which the near_retirement tag holds (and some subsidies run to retirement). */
export const NEAR_RETIREMENT_YEARS = 5;

/** Years after leaving school in which an unemployed graduate stays in the graduate group. */
export const GRADUATE_UNEMPLOYED_YEARS = 2;

/**
 * Higher education (高校毕业生) = GB/T 4658 levels 1 研究生, 2 本科, 3 专科.
 * The first digit is the level, so the finer codes (11 博士, 14 硕士, 21, 31…)
 * count as well as the two-digit level codes the desk stores.
 */
export function isHigherEducation(educationCode: string | null): boolean {
  return educationCode !== null && /^[123]\d$/.test(educationCode);
}

/**
 * A certification is valid on days validFrom … validTo, both inclusive
 * (validTo null = open-ended); endedOn is the exit date, from which it no
 * longer holds. Returns the last valid day when known, `null` when open-ended,
 * `undefined` when not valid on asOf.
 */
function certificationLastDay(cert: DifficultyCertification, asOf: string): string | null | undefined {
  if (cert.validFrom > asOf) return undefined;
  if (cert.validTo !== null && cert.validTo < asOf) return undefined;
  if (cert.endedOn !== null && cert.endedOn <= asOf) return undefined;
  const dayBeforeEnd = cert.endedOn === null ? null : addDays(cert.endedOn, -1);
  if (cert.validTo === null) return dayBeforeEnd;
  if (dayBeforeEnd === null) return cert.validTo;
  return dayBeforeEnd < cert.validTo ? dayBeforeEnd : cert.validTo;
}

/**
 * The key groups a person belongs to on `asOf`, in KEY_GROUP_LABELS order.
 *
 * Age-based groups (age_4050, near_retirement, rural_labour) need working age:
 * nobody on or after the statutory retirement date gets them, nor anyone whose
 * status is 'retired' (already drawing a pension, e.g. early retirement) since
 * they have left the labour market whatever their age. Ages follow ageOn: a
 * person born on 29 February turns a year older on 1 March in a common year.
 */
export function computeKeyGroups(facts: KeyGroupFacts, asOf: string): KeyGroupTag[] {
  parseIsoDate(asOf);
  const tags: KeyGroupTag[] = [];
  const add = (code: KeyGroupCode, rule: string, until?: string): void => {
    const tag: KeyGroupTag = { code, label: KEY_GROUP_LABELS[code], rule, asOf };
    if (until !== undefined) tag.until = until;
    tags.push(tag);
  };

  // Graduates.
  if (isHigherEducation(facts.educationCode) && facts.graduationDate !== null) {
    const graduated = facts.graduationDate;
    const year = graduated.slice(0, 4);
    if (year === asOf.slice(0, 4)) {
      add('graduate_this_year', `高校毕业年度：研究生、本科或专科学历，毕业日期在${year}年内（毕业年度为自然年）`, `${year}-12-31`);
    }
    const lastDay = addYears(graduated, GRADUATE_UNEMPLOYED_YEARS);
    if (graduated < asOf && asOf <= lastDay && facts.employmentStatus !== 'employed') {
      add(
        'graduate_unemployed_2y',
        `离校2年内未就业：研究生、本科或专科学历，自毕业次日起至毕业满2年当日（${lastDay}）止，且目前未就业`,
        lastDay,
      );
    }
  }

  // Age-based groups.
  const retirement = statutoryRetirement(facts.birthDate, facts.sex, facts.femaleRetirementCategory);
  const workingAge =
    facts.employmentStatus !== 'retired' &&
    isWorkingAge(facts.birthDate, facts.sex, asOf, facts.femaleRetirementCategory);
  if (workingAge) {
    const lastWorkingDay = addDays(retirement.retirementDate, -1);
    const assumed =
      facts.sex === 'female' && facts.femaleRetirementCategory === undefined
        ? `；原退休年龄类别未登记，按原${retirement.schedule === 'cadre55' ? 55 : 50}周岁计算`
        : '';
    const retirementText = `法定退休年龄${retirement.label}，${retirement.retirementDate}起退休${assumed}`;

    const age = ageOn(facts.birthDate, asOf);
    if (facts.sex === 'female' ? age >= 40 : age >= 50) {
      add(
        'age_4050',
        `女性年满40周岁、男性年满50周岁（生日当天起），至法定退休年龄前一日止（${retirementText}）`,
        lastWorkingDay,
      );
    }
    if (asOf >= retirementWindowStart(retirement.retirementDate, NEAR_RETIREMENT_YEARS)) {
      add(
        'near_retirement',
        `距法定退休年龄不足5年：自退休日期前5年当日起，至退休日期前一日止（${retirementText}）`,
        lastWorkingDay,
      );
    }
    if (facts.householdType === 'rural') {
      add('rural_labour', `农村户籍且处于劳动年龄（年满16周岁至法定退休年龄前一日；${retirementText}）`, lastWorkingDay);
    }
  }

  // Status-based groups: they hold until the record changes, so no `until`.
  if (facts.isVeteran) add('veteran', '退役军人');
  if (facts.disabilityGrade !== null && facts.disabilityGrade !== '') {
    add('disabled', `持有残疾人证（${facts.disabilityGrade}级）`);
  }
  if (facts.lowIncomeStatus === 'dibao') add('low_income', '最低生活保障对象（低保）');
  if (facts.lowIncomeStatus === 'low_income') add('low_income', '低收入人口');

  // 就业困难人员: any certification valid on asOf; until is the latest last day among them.
  const valid = facts.certifications
    .map((cert) => ({ cert, lastDay: certificationLastDay(cert, asOf) }))
    .filter((entry): entry is { cert: DifficultyCertification; lastDay: string | null } => entry.lastDay !== undefined);
  if (valid.length > 0) {
    const categories = [...new Set(valid.map((entry) => entry.cert.category))].join('、');
    const openEnded = valid.some((entry) => entry.lastDay === null);
    const until = openEnded ? undefined : valid.map((entry) => entry.lastDay as string).sort().at(-1);
    add(
      'employment_difficulty',
      `经认定的就业困难人员，认定在有效期内（起止日均含，退出当日起不再有效）；认定类别：${categories}`,
      until,
    );
  }

  return tags;
}

/** No rule changes a person's groups on or after this date unless the record changes. */
export const NO_RECHECK = '9999-12-31';

/**
 * The first day after `asOf` on which computeKeyGroups may answer differently
 * for the same facts: birthdays that cross an age threshold, the retirement
 * date and the start of its window, graduation anniversaries and calendar
 * years, certification start, end and exit days. Candidates are deliberately
 * generous (a birthday and the day after it, for people born on 29 February):
 * an extra candidate costs one recomputation, a missing one a stale filter.
 * Stored per person, it lets the daily refresh recompute only the people whose
 * groups can have changed since the last office day.
 */
export function keyGroupsRecheckOn(facts: KeyGroupFacts, asOf: string): string {
  const candidates: string[] = [];
  const around = (date: string) => candidates.push(date, addDays(date, 1));
  for (const years of [16, 40, 50]) around(addYears(facts.birthDate, years));
  const retirement = statutoryRetirement(facts.birthDate, facts.sex, facts.femaleRetirementCategory).retirementDate;
  around(retirement);
  around(retirementWindowStart(retirement, NEAR_RETIREMENT_YEARS));
  if (facts.graduationDate !== null) {
    const year = Number(facts.graduationDate.slice(0, 4));
    candidates.push(`${year}-01-01`, `${year + 1}-01-01`);
    around(facts.graduationDate);
    around(addYears(facts.graduationDate, GRADUATE_UNEMPLOYED_YEARS));
  }
  for (const cert of facts.certifications) {
    around(cert.validFrom);
    if (cert.validTo !== null) around(cert.validTo);
    if (cert.endedOn !== null) around(cert.endedOn);
  }
  return candidates.filter((date) => date > asOf).sort()[0] ?? NO_RECHECK;
}
