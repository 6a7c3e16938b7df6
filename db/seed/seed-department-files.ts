/**
 * The files other departments send the demo county (部门数据比对), built the
 * way each department writes them — one sheet, Chinese headers (labels or the
 * synonyms the import knows), ID numbers and credit codes as text — from the
 * registry as it stands on the day they are imported, so what they say fits
 * what the desk knows:
 *
 * - 社保个人: contribution months of a share of the working-age registry —
 *   employees (of the seeded enterprises, with 本单位参保起始日期, or of firms
 *   the desk does not keep), people whose 就业登记 named an employer (from its
 *   start date), flexible workers paying for themselves since their 灵活就业
 *   registration, people out of work with past months — and this year's
 *   graduates hired by seeded employers after graduating (一次性扩岗补助).
 * - 社保单位: every seeded enterprise's insured headcount, its change, last
 *   year's reductions and unemployment-insurance contributions, a few in arrears.
 * - 民政 (低保/特困/低收入), 残联 (second-generation certificate numbers: the ID
 *   number, the category, the grade), 死亡 (a handful of old people) and
 *   市场监管 (the operators of self-employed businesses, a few founders, the
 *   legal representatives of some seeded enterprises).
 *
 * Each file also names a few people or firms not registered here, as a
 * city-wide list does: the import reports them 未在本县登记 and keeps nothing.
 */
import type Database from 'better-sqlite3';
import { addDays, addMonths, addYears } from '../../shared/domain/calendar';
import { ageOn } from '../../shared/domain/dates';
import { FACT_SOURCE_INFO, type FactSource } from '../../shared/domain/department-facts';
import { isHigherEducation } from '../../shared/domain/key-groups';
import { statutoryRetirement, type FemaleRetirementCategory } from '../../shared/domain/retirement';
import type { Sex } from '../../shared/domain/id-number';
import { writeXlsx, type Cell } from '../xlsx';
import { makeCreditCode } from './seed-enterprises';
import { PersonGenerator, Weighted, type Township } from './person-generator';

export interface DepartmentFile {
  source: FactSource;
  /** 数据截止日期. */
  asOf: string;
  fileName: string;
  base64: string;
  rows: number;
}

export interface DepartmentFileOptions {
  random: () => number;
  countyCode: string;
  townships: Township[];
  /** 数据截止日期 of the monthly files (社保, 民政, 残联, 市场监管). */
  asOf: string;
  /** 数据截止日期 of the death list (deaths since the previous list). */
  deathsAsOf: string;
  /** This year's graduates hired by seeded employers start paying there between these days (null: no such hires yet). */
  hires: { from: string; to: string; count: number } | null;
  /** Most rows one 社保个人 file carries (a city's file is a sample of its working-age people). */
  maxInsuranceRows: number;
}

interface Person {
  id: number;
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  femaleCategory: FemaleRetirementCategory | null;
  status: string;
  education: string | null;
  graduationDate: string | null;
  household: string | null;
  lowIncome: string | null;
  disabilityGrade: string | null;
}

interface Enterprise {
  id: number;
  creditCode: string;
  name: string;
  headcount: number;
  /** 1 for a 个体工商户. */
  individual: number;
}

interface Registered {
  personId: number;
  channel: string;
  startDate: string;
  employerCreditCode: string | null;
}

/** Whole calendar months from the month of `from` to the month of `to`, both counted (as the import counts them). */
export function monthsSpanned(from: string, to: string): number {
  if (to < from) return 0;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

const NAMES_ELSEWHERE = ['苏州工业园区', '苏州高新区', '相城区', '姑苏区', '昆山市', '常熟市'];
const FIRM_WORDS = ['精工', '电子', '物流', '商贸', '机电', '包装', '服饰', '餐饮'];
const SHOPS = ['餐饮店', '便利店', '五金店', '服装店', '理发店', '电商商行', '水果店', '家电维修部'];
const ASSISTANCE_LABEL: Record<string, (household: string | null) => string> = {
  dibao: (household) => (household === 'rural' ? '农村低保' : '城市低保'),
  low_income: () => '低收入',
  extreme_poverty: () => '特困人员',
};
const DISABILITY = new Weighted<readonly [string, string]>([[['4', '肢体残疾'], 46], [['1', '视力残疾'], 12], [['2', '听力残疾'], 15], [['3', '言语残疾'], 2], [['5', '智力残疾'], 9], [['6', '精神残疾'], 11], [['7', '多重残疾'], 5]]);
const GRADE_LABELS = ['一级', '二级', '三级', '四级'];

export function departmentFiles(sqlite: Database.Database, o: DepartmentFileOptions): { files: DepartmentFile[]; hiredGraduates: number } {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const int = (from: number, to: number) => from + Math.floor(r() * (to - from + 1));
  const dayBetween = (from: string, to: string) => (to <= from ? from : addDays(from, Math.floor(r() * (Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1))));

  const people = sqlite
    .prepare(
      `select id, id_number as idNumber, name, sex, birth_date as birthDate, female_retirement_category as femaleCategory, employment_status as status,
         education_code as education, graduation_date as graduationDate, household_type as household, low_income_status as lowIncome, disability_grade as disabilityGrade
       from persons where merged_into_id is null order by id`,
    )
    .all() as Person[];
  const enterprises = sqlite
    .prepare(
      `select e.id, e.credit_code as creditCode, e.name, e.entity_type = 'sole_trader' as individual,
         coalesce((select h.insured_count from enterprise_headcounts h where h.enterprise_id = e.id and h.as_of <= ? order by h.as_of desc, h.id desc limit 1), 1) as headcount
       from enterprises e where e.credit_code is not null and e.status = 'active' order by e.id`,
    )
    .all(o.asOf) as Enterprise[];
  const registered = sqlite
    .prepare(
      `select person_id as personId, json_extract(form, '$.channel') as channel, json_extract(form, '$.startDate') as startDate,
         json_extract(form, '$.employerCreditCode') as employerCreditCode
       from cases where case_type = 'employment_registration' and state = 'approved' and ended_on is null and person_id is not null
         and json_extract(form, '$.startDate') <= ? order by id`,
    )
    .all(o.asOf) as Registered[];
  // An employer that already applied for 一次性扩岗补助 is not where this year's graduates are placed.
  const expansionApplicants = new Set(sqlite.prepare("select enterprise_id from cases where enterprise_id is not null and item_code = 'job_expansion'").pluck().all() as number[]);
  const usedCodes = new Set(sqlite.prepare('select credit_code from enterprises where credit_code is not null').pluck().all() as string[]);
  const knownIds = sqlite.prepare('select 1 from persons where id_number = ?').pluck();

  const workingAge = (p: Person) => ageOn(p.birthDate, o.asOf) >= 16 && o.asOf < statutoryRetirement(p.birthDate, p.sex, p.femaleCategory ?? undefined).retirementDate;
  const byRegistration = new Map(registered.map((x) => [x.personId, x]));
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));

  // People of other counties the city-wide lists also name: valid numbers nobody here has.
  const strangers = new PersonGenerator({ seed: Math.floor(r() * 2 ** 31), townships: o.townships, today: o.asOf });
  let strangerId = 0;
  const stranger = (): Person => {
    for (;;) {
      const row = strangers.next((strangerId += 1));
      if (knownIds.get(row.idNumber)) continue;
      return { id: 0, idNumber: row.idNumber, name: row.name, sex: row.sex, birthDate: row.birthDate, femaleCategory: null, status: 'employed', education: null, graduationDate: null, household: row.householdType, lowIncome: null, disabilityGrade: null };
    }
  };
  const strangerCount = Math.max(2, Math.round(people.length / 2_500));
  const outsideFirms = Array.from({ length: Math.max(20, Math.round(people.length / 200)) }, () => makeCreditCode(r, pick(['320505', '320507', '320508', '320571']), '1', usedCodes));

  // —— 社保个人 ——
  const insurance: Cell[][] = [];
  const assigned = new Map<number, number>();
  const seededWeights = new Weighted(enterprises.filter((e) => !e.individual).map((e) => [e, e.headcount] as const));
  const employees = enterprises.length > 0 ? Math.min(0.5, (enterprises.reduce((n, e) => n + e.headcount, 0) * 0.6) / Math.max(1, people.length * 0.56)) : 0;
  const insuredRow = (p: Person, monthsTotal: number, monthsLast12: number, employer: string | null, since: string | null) => {
    insurance.push([p.idNumber, p.name, monthsTotal, Math.min(monthsLast12, monthsTotal), employer, since]);
    const firm = employer ? byCode.get(employer) : undefined;
    if (firm) assigned.set(firm.id, (assigned.get(firm.id) ?? 0) + 1);
  };
  /** Months a person could have paid in by `since`: from age 18 (or leaving school), at most to the file's date. */
  const careerMonths = (p: Person, since: string) => {
    const start = [addYears(p.birthDate, 18), p.graduationDate ?? ''].sort().at(-1)!;
    return start >= since ? 0 : monthsSpanned(start, addMonths(since, -1));
  };

  // This year's graduates, at work, placed with seeded employers after graduating: the hires 一次性扩岗补助 pays for.
  const hired = new Set<number>();
  const hiringFirms = new Set<number>();
  if (o.hires && enterprises.length > 0) {
    const year = o.hires.from.slice(0, 4);
    const graduates = people.filter((p) => p.status === 'employed' && isHigherEducation(p.education) && p.graduationDate?.startsWith(year) && !byRegistration.has(p.id));
    const employers = enterprises.filter((e) => !e.individual && !expansionApplicants.has(e.id));
    const chosen = employers.length > 0 ? Array.from({ length: Math.max(1, Math.ceil(o.hires.count * 0.8)) }, () => pick(employers)) : [];
    for (const graduate of graduates.slice(0, o.hires.count)) {
      if (chosen.length === 0) break;
      const since = dayBetween([o.hires.from, addDays(graduate.graduationDate!, 1)].sort().at(-1)!, o.hires.to);
      if (since > o.hires.to) continue;
      const firm = pick(chosen);
      const months = monthsSpanned(since, o.asOf);
      insuredRow(graduate, months, Math.min(12, months), firm.creditCode, since);
      hired.add(graduate.id);
      hiringFirms.add(firm.id);
    }
  }

  const optional = people.filter((p) => !hired.has(p.id) && !byRegistration.has(p.id) && workingAge(p) && ['employed', 'unemployed_registered', 'unemployed_unregistered'].includes(p.status)).length;
  const share = Math.min(1, o.maxInsuranceRows / Math.max(1, optional * 0.8));
  for (const p of people) {
    if (hired.has(p.id) || !workingAge(p)) continue;
    const registration = byRegistration.get(p.id);
    if (registration && registration.channel === 'flexible') {
      // A flexible worker pays for himself from the month the 灵活就业 began.
      const months = monthsSpanned(registration.startDate, o.asOf);
      insuredRow(p, months + careerMonths(p, registration.startDate) * (r() < 0.3 ? 1 : 0), Math.min(12, months), null, null);
    } else if (registration && registration.employerCreditCode) {
      const months = monthsSpanned(registration.startDate, o.asOf);
      insuredRow(p, months + Math.floor(careerMonths(p, registration.startDate) * r() * 0.8), Math.min(12, months), registration.employerCreditCode, registration.startDate);
    } else if (p.status === 'employed' && r() < 0.85 * share) {
      const firm = r() < employees && enterprises.length > 0 ? seededWeights.pick(r) : null;
      const employer = firm && (assigned.get(firm.id) ?? 0) < firm.headcount ? firm.creditCode : pick(outsideFirms);
      const earliest = [addYears(p.birthDate, 18), p.graduationDate ?? '', addYears(o.asOf, -15)].sort().at(-1)!;
      // At work before the age of 18 or before leaving school: not (yet) in the file.
      if (earliest >= addMonths(o.asOf, -1)) continue;
      const since = dayBetween(earliest, addMonths(o.asOf, -1));
      const months = monthsSpanned(since, o.asOf);
      insuredRow(p, months + Math.floor(careerMonths(p, since) * r() * 0.8), r() < 0.95 ? Math.min(12, months) : Math.min(11, months), employer, since);
    } else if (p.status !== 'employed' && r() < 0.55 * share) {
      // Out of work: months paid in earlier, fewer or none in the last year.
      const most = careerMonths(p, o.asOf);
      if (most < 2) continue;
      const total = int(1, most);
      insuredRow(p, total, Math.min(total, int(0, 8)), null, null);
    }
  }
  for (let i = 0; i < strangerCount; i += 1) {
    const p = stranger();
    const since = addMonths(o.asOf, -int(3, 60));
    insuredRow(p, monthsSpanned(since, o.asOf), Math.min(12, monthsSpanned(since, o.asOf)), pick(outsideFirms), since);
  }

  // —— 社保单位 ——
  const employer: Cell[][] = [];
  for (const e of enterprises) {
    const insured = Math.max(assigned.get(e.id) ?? 0, Math.round(e.headcount * (0.95 + r() * 0.1)), 1);
    const yearAgo = Math.max(1, Math.round(insured / (0.85 + r() * 0.35)));
    const startLastYear = Math.max(1, Math.round(yearAgo * (0.95 + r() * 0.1)));
    // Most firms shed few people; one in seven cut more than the 稳岗返还 limit.
    const reductions = r() < 0.86 ? Math.floor(startLastYear * r() * 0.05) : Math.ceil(startLastYear * (0.06 + r() * 0.2));
    // 0.5% of a contribution base of 4,500–7,500 yuan a month, for the average headcount of last year.
    const paid = Math.round(((startLastYear + yearAgo) / 2) * 12 * (4_500 + r() * 3_000) * 0.005 * 100) / 100;
    const arrears = !hiringFirms.has(e.id) && r() < 0.04;
    employer.push([e.creditCode, e.name, insured, yearAgo, startLastYear, reductions, paid, arrears ? '是' : '否']);
  }
  for (let i = 0; i < strangerCount; i += 1) {
    employer.push([makeCreditCode(r, pick(['320505', '320507', '320571']), '1', usedCodes), `苏州${pick(NAMES_ELSEWHERE)}${pick(FIRM_WORDS)}有限公司`, int(5, 120), int(5, 120), int(5, 120), int(0, 4), int(2_000, 40_000), '否']);
  }

  // —— 民政: the registry's 低保 and 低收入 people (a few have left the list), and some 特困 among the old ——
  const assistance: Cell[][] = [];
  for (const p of people) {
    const kind = p.lowIncome ?? (ageOn(p.birthDate, o.asOf) >= 60 && p.status !== 'employed' && r() < 0.004 ? 'extreme_poverty' : null);
    if (!kind || r() < 0.05) continue;
    const from = [addMonths(o.asOf, -int(2, 72)), p.birthDate].sort().at(-1)!;
    assistance.push([p.idNumber, p.name, ASSISTANCE_LABEL[kind]!(p.household), from, r() < 0.7 ? null : `${Number(o.asOf.slice(0, 4)) + 1}-12-31`]);
  }
  for (let i = 0; i < strangerCount; i += 1) {
    const p = stranger();
    assistance.push([p.idNumber, p.name, r() < 0.6 ? '城市低保' : '低收入', addMonths(o.asOf, -int(2, 40)), null]);
  }

  // —— 残联: a second-generation 残疾人证 for everyone the registry knows as disabled ——
  const disabilities: Cell[][] = [];
  const certificate = (p: Person, grade: string) => {
    const [category, label] = DISABILITY.pick(r);
    disabilities.push([p.idNumber, p.name, `${p.idNumber}${category}${grade}`, label, GRADE_LABELS[Number(grade) - 1]!, addYears(o.asOf, int(1, 9))]);
  };
  for (const p of people) if (p.disabilityGrade) certificate(p, p.disabilityGrade);
  for (let i = 0; i < Math.max(1, Math.floor(strangerCount / 2)); i += 1) certificate(stranger(), String(int(1, 4)));

  // —— 死亡: a handful of old people with nothing open at the desk, in the weeks before the list's date ——
  const deaths: Cell[][] = [];
  const withCases = new Set(sqlite.prepare('select distinct person_id from cases where person_id is not null').pluck().all() as number[]);
  const old = people.filter((p) => ageOn(p.birthDate, o.deathsAsOf) >= 66 && (p.status === 'retired' || p.status === 'not_in_labour_force') && !withCases.has(p.id));
  for (let i = 0, wanted = Math.max(3, Math.round(people.length * 0.0008)); i < wanted && old.length > 0; i += 1) {
    const p = old.splice(Math.floor(r() * old.length), 1)[0]!;
    deaths.push([p.idNumber, p.name, addDays(o.deathsAsOf, -int(0, 45))]);
  }
  const elsewhere = stranger();
  deaths.push([elsewhere.idNumber, elsewhere.name, addDays(o.deathsAsOf, -int(0, 30))]);

  // —— 市场监管: self-employed operators, a few founders of small businesses, and legal representatives of seeded firms ——
  const businesses: Cell[][] = [];
  const business = (p: Person, code: string, name: string, foundedOn: string, operating: boolean) =>
    businesses.push([code, name, p.idNumber, p.name, foundedOn, operating ? '存续' : '注销']);
  const shop = (p: Person) => `吴中区${p.name}${pick(SHOPS)}`;
  const selfEmployed = new Set(registered.filter((x) => x.channel === 'self_employed').map((x) => x.personId));
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const x of registered) {
    const p = byId.get(x.personId);
    if (p && selfEmployed.has(p.id)) business(p, makeCreditCode(r, o.countyCode, '2', usedCodes), shop(p), x.startDate, true);
  }
  const founders = people.filter((p) => p.status === 'employed' && !selfEmployed.has(p.id) && workingAge(p) && ageOn(p.birthDate, o.asOf) >= 20);
  for (let i = 0, wanted = Math.round(people.length / 400); i < wanted && founders.length > 0; i += 1) {
    const p = founders.splice(Math.floor(r() * founders.length), 1)[0]!;
    const foundedOn = [addMonths(o.asOf, -int(2, 30)), addYears(p.birthDate, 18)].sort().at(-1)!;
    business(p, makeCreditCode(r, o.countyCode, '2', usedCodes), shop(p), foundedOn, r() < 0.9);
  }
  const representatives = people.filter((p) => p.status === 'employed' && p.household === 'urban' && workingAge(p) && ageOn(p.birthDate, o.asOf) >= 30 && !selfEmployed.has(p.id));
  for (const e of enterprises) {
    if (representatives.length === 0 || r() < 0.5) continue;
    const p = representatives.splice(Math.floor(r() * representatives.length), 1)[0]!;
    business(p, e.creditCode, e.name, [addMonths(o.asOf, -int(24, 180)), addYears(p.birthDate, 22)].sort().at(-1)!, true);
  }
  const founder = stranger();
  business(founder, makeCreditCode(r, '320571', '2', usedCodes), shop(founder), addMonths(o.asOf, -int(6, 30)), true);

  const file = (source: FactSource, asOf: string, header: string[], rows: Cell[][]): DepartmentFile => {
    const info = FACT_SOURCE_INFO[source];
    const textColumns = header.flatMap((h, i) => (/身份证|信用代码|证号|号码/.test(h) ? [i] : []));
    return { source, asOf, fileName: `${info.department.split('、')[0]}-${info.label}-${asOf}.xlsx`, base64: writeXlsx(info.sheetName, header, rows, [], textColumns).toString('base64'), rows: rows.length };
  };
  return {
    hiredGraduates: hired.size,
    files: [
      file('deaths', o.deathsAsOf, ['公民身份号码', '姓名', '死亡日期'], deaths),
      file('person_insurance', o.asOf, ['身份证号', '姓名', '累计缴费月数', '近12个月缴费月数', '参保单位统一社会信用代码', '本单位参保起始日期'], insurance),
      file('employer_insurance', o.asOf, ['统一社会信用代码', '单位名称', '参保人数', '上年同期参保人数', '上年初参保人数', '上年度减员人数', '上年度实缴失业保险费（元）', '是否欠费'], employer),
      file('assistance', o.asOf, ['身份证号码', '姓名', '救助类别', '享受起始日期', '享受终止日期'], assistance),
      file('disability_certificates', o.asOf, ['身份证号', '姓名', '残疾人证号', '残疾类别', '残疾等级', '有效期至'], disabilities),
      file('business_registrations', o.asOf, ['统一社会信用代码', '主体名称', '法定代表人或经营者身份证号', '姓名', '成立日期', '登记状态'], businesses),
    ],
  };
}

