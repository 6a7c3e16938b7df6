import { idNumberCheckChar } from '../../shared/domain/id-number';
import type { PersonRow } from '../services/person-derived';

/**
 * Synthetic residents of 吴中区, shared by the benchmark (scripts/bench) and
 * the seed command (db/seed/seed.ts): deterministic (seeded), with valid ID
 * numbers, unique mobile numbers, names drawn with realistic surname
 * frequencies (polyphones 曾 单 解 仇 区 included) and field values whose mix
 * drives the key groups. Nothing here touches a database.
 */

/** sfc32: a small, fast, seedable PRNG (uniform doubles in [0, 1)). */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i += 1) next();
  return next;
}

/** Picks from weighted entries with a cumulative table and a binary search. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = entries.map(([v]) => v);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    for (let i = 0; i < entries.length; i += 1) this.cumulative[i]! /= sum;
  }
  pick(random: () => number): T {
    const r = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

/**
 * ~100 surnames with approximate shares (per mille) of the population, nudged
 * towards Suzhou (陆 顾 沈 钱 are common there). Polyphones: 曾 单 解 仇 区;
 * two compound surnames for the 4-character names.
 */
const SURNAMES: ReadonlyArray<readonly [string, number]> = (
  '王70 李68 张66 刘50 陈50 杨30 黄25 赵22 吴24 周22 徐22 孙16 马13 朱16 胡13 郭11 何11 高10 林9 罗8 ' +
  '郑9 梁7 谢8 宋7 唐7 许8 韩6 冯6 邓5 曹6 彭5 曾5 肖5 田5 董4 袁4 潘5 于4 蒋6 蔡4 ' +
  '余4 杜4 叶5 程3 苏4 魏3 吕3 丁4 任3 沈9 姚4 卢3 姜3 崔2 钟3 谭2 陆9 汪3 范3 金4 ' +
  '石2 廖2 贾2 夏3 韦1 付2 方3 白2 邹2 孟2 熊2 秦2 邱2 江3 尹2 薛2 闫1 段1 雷1 侯1 ' +
  '龙1 史1 陶2 黎1 贺1 顾8 毛2 郝1 龚2 邵2 万1 钱6 严2 武1 戴2 莫1 孔1 单1 解1 仇1 区0.3'
)
  .split(' ')
  .map((entry) => [entry.slice(0, 1), Number(entry.slice(1))] as const);

const COMPOUND_SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['欧阳', 0.4],
  ['司马', 0.1],
];

/** Given-name characters, ~100 leaning male and ~100 leaning female, most common first. */
const MALE_GIVEN =
  '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林成建国峰亮文斌志晨阳东坤海洋' +
  '博昊天瑞祥嘉豪然睿轩泽宏伦锋翔彬鸿毅立胜振兴康永忠庆春德荣立新金生长义福贵利民安良清正' +
  '子一逸航远朗';
const FEMALE_GIVEN =
  '芳娜敏静丽艳娟秀英霞燕玲桂兰萍红梅琳雪婷慧莉颖晶倩洁琴云凤玉珍蓉晓月欣怡佳雯悦萱涵妍' +
  '诗琪瑶可馨梦雨思彤菲露薇瑾璐婉茜蕾淑惠美珊巧彩春华丹青莹楠宁丹璇嫣娅婧媛蓓芸莲菊香荷' +
  '冰心语';

function givenChars(text: string): ReadonlyArray<readonly [string, number]> {
  const unique = [...new Set([...text])];
  // Zipf-like: the first characters are far more common (伟, 芳 …), so 张伟 and 王芳 recur.
  return unique.map((c, i) => [c, 1 / (i + 4)] as const);
}

/** Region codes on the cards: mostly born in 吴中区, some elsewhere in Jiangsu. */
const REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['320506', 62],
  ['320505', 6],
  ['320507', 4],
  ['320508', 4],
  ['320581', 4],
  ['320582', 3],
  ['320583', 3],
  ['320585', 2],
  ['321281', 4],
  ['320321', 2],
  ['320623', 2],
  ['320830', 2],
  ['321323', 2],
];

const PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199',
];

const EDUCATION: ReadonlyArray<readonly [string, number]> = [
  ['10', 3],
  ['20', 18],
  ['30', 20],
  ['41', 5],
  ['44', 3],
  ['47', 3],
  ['60', 16],
  ['70', 25],
  ['80', 6],
  ['90', 1],
];

const FIRST_BIRTH = Date.UTC(1960, 0, 1);
const LAST_BIRTH = Date.UTC(2006, 11, 31);
const DAY_MS = 86_400_000;
const CREATED_FROM = Date.UTC(2019, 0, 1);
const CREATED_TO = Date.UTC(2026, 10, 20);
/** A multiplier coprime with 10^8: row i gets a distinct 8-digit phone tail for every i < 10^8. */
const PHONE_MULTIPLIER = 61_803_399;
const PHONE_OFFSET = 27_182_818;

export interface Township {
  code: string;
  villages: string[];
}

export interface GeneratorOptions {
  seed: number;
  /** The county's townships (320506…) with their villages. */
  townships: Township[];
  /** Office date the ages (and employment mix) are computed for. */
  today: string;
  /** Last creation time of a record (ISO date); the benchmark's fixed 2026-11-20 when absent. */
  createdTo?: string;
  /**
   * false: nobody is born "registered unemployed" — the seed reaches that status
   * only through an approved 失业登记, so every such person has the case behind it.
   * The draws are the same either way, so the rest of the row does not change.
   */
  registeredUnemployment?: boolean;
}

/**
 * Makes persons one at a time; `next(id)` must be called with ids 1, 2, 3 …
 * The ID numbers are unique by construction: a counter per region, birth date
 * and sex hands out the sequence digits (odd for men, even for women).
 */
export class PersonGenerator {
  private readonly random: () => number;
  private readonly surnames = new Weighted([...SURNAMES, ...COMPOUND_SURNAMES]);
  private readonly maleGiven = new Weighted(givenChars(MALE_GIVEN));
  private readonly femaleGiven = new Weighted(givenChars(FEMALE_GIVEN));
  private readonly regions = new Weighted(REGIONS);
  private readonly regionIndex = new Map(REGIONS.map(([code], i) => [code, i]));
  private readonly education = new Weighted(EDUCATION);
  private readonly townships: Weighted<Township>;
  private readonly days: string[] = [];
  private readonly sequence: Uint16Array;
  private readonly todayYear: number;
  private readonly createdTo: number;

  constructor(private readonly options: GeneratorOptions) {
    this.random = prng(options.seed);
    // The numbered streets and towns hold most people; the functional zones (4xx) few.
    this.townships = new Weighted(options.townships.map((t) => [t, t.code.slice(6, 7) === '4' ? 0.2 : 1] as const));
    for (let t = FIRST_BIRTH; t <= LAST_BIRTH; t += DAY_MS) this.days.push(new Date(t).toISOString().slice(0, 10));
    this.sequence = new Uint16Array(REGIONS.length * this.days.length * 2);
    this.todayYear = Number(options.today.slice(0, 4));
    this.createdTo = options.createdTo ? Date.parse(`${options.createdTo}T00:00:00Z`) : CREATED_TO;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private name(sex: 'male' | 'female'): string {
    const surname = this.surnames.pick(this.random);
    const given = sex === 'male' ? this.maleGiven : this.femaleGiven;
    // About a third of names have one given character (张伟), the rest two (张秀英).
    const length = surname.length === 2 ? 1 + this.int(2) : this.chance(0.32) ? 1 : 2;
    let name = surname;
    for (let i = 0; i < length; i += 1) name += given.pick(this.random);
    return name;
  }

  /** Region, birth date, sequence and check char; the counter keeps every number unique. */
  private idNumber(sex: 'male' | 'female'): { idNumber: string; birthDate: string } {
    for (;;) {
      const region = this.regions.pick(this.random);
      const day = this.int(this.days.length);
      const slot = ((this.regionIndex.get(region)! * this.days.length + day) << 1) | (sex === 'male' ? 1 : 0);
      const k = this.sequence[slot]!;
      if (k >= 499) continue; // this day is full for this region and sex: draw another
      this.sequence[slot] = k + 1;
      const seq = sex === 'male' ? 2 * k + 1 : 2 * k + 2;
      const birthDate = this.days[day]!;
      const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      return { idNumber: first17 + idNumberCheckChar(first17), birthDate };
    }
  }

  private employment(age: number, sex: 'male' | 'female'): PersonRow['employmentStatus'] {
    const status = this.drawEmployment(age, sex);
    return status === 'unemployed_registered' && this.options.registeredUnemployment === false ? 'unemployed_unregistered' : status;
  }

  private drawEmployment(age: number, sex: 'male' | 'female'): PersonRow['employmentStatus'] {
    const r = this.random();
    if (age >= (sex === 'male' ? 60 : 52)) return r < 0.7 ? 'retired' : r < 0.85 ? 'employed' : 'not_in_labour_force';
    if (age < 22) return r < 0.45 ? 'not_in_labour_force' : r < 0.75 ? 'employed' : r < 0.85 ? 'unemployed_registered' : 'unemployed_unregistered';
    return r < 0.7 ? 'employed' : r < 0.79 ? 'unemployed_registered' : r < 0.9 ? 'unemployed_unregistered' : 'not_in_labour_force';
  }

  private timestamp(from: number, to: number): number {
    return from + Math.floor(this.random() * (to - from));
  }

  next(id: number): PersonRow {
    const sex = this.chance(0.5) ? 'male' : 'female';
    const { idNumber, birthDate } = this.idNumber(sex);
    const age = this.todayYear - Number(birthDate.slice(0, 4));
    const hasPhone = this.chance(0.96);
    const phone = hasPhone
      ? `${PHONE_PREFIXES[this.int(PHONE_PREFIXES.length)]}${String((id * PHONE_MULTIPLIER + PHONE_OFFSET) % 100_000_000).padStart(8, '0')}`
      : null;
    const township = this.townships.pick(this.random);
    const educationCode = this.chance(0.9) ? this.education.pick(this.random) : null;
    const leavesSchoolAt = educationCode === '10' ? 25 : educationCode === '20' ? 22 : educationCode === '30' ? 21 : null;
    const graduationDate = leavesSchoolAt === null ? null : `${Number(birthDate.slice(0, 4)) + leavesSchoolAt}-06-30`;
    const created = this.timestamp(CREATED_FROM, this.createdTo);
    const updated = this.chance(0.55) ? created : this.timestamp(created, this.createdTo);
    const householdType = this.chance(0.92) ? (this.chance(0.45) ? 'rural' : 'urban') : null;
    return {
      id,
      idNumber,
      name: this.name(sex),
      sex,
      birthDate,
      phone,
      phoneReversed: null, // filled by the builder with reversedPhone()
      phone2: null,
      ethnicityCode: this.chance(0.985) ? '01' : ['03', '08', '11', '15'][this.int(4)]!,
      politicalStatusCode: this.chance(0.8) ? '13' : this.chance(0.5) ? '01' : '03',
      householdType,
      householdDivisionCode: idNumber.slice(0, 6),
      householdAddress: null,
      residenceTownshipCode: township.code,
      residenceVillageCode: township.villages.length > 0 && this.chance(0.8) ? township.villages[this.int(township.villages.length)]! : null,
      address: null,
      educationCode,
      school: null,
      major: null,
      graduationDate,
      disabilityGrade: this.chance(0.015) ? String(1 + this.int(4)) : null,
      healthStatus: this.chance(0.9) ? '1' : '2',
      isVeteran: sex === 'male' ? this.chance(0.03) : this.chance(0.002),
      lowIncomeStatus: this.chance(0.02) ? (this.chance(0.5) ? 'dibao' : 'low_income') : null,
      femaleRetirementCategory: sex === 'female' ? (this.chance(0.7) ? 'worker50' : this.chance(0.4) ? 'cadre55' : null) : null,
      employmentStatus: this.employment(age, sex),
      intendedOccupationCode: null,
      intendedPlace: null,
      intendedSalaryMinFen: null,
      intendedSalaryMaxFen: null,
      trainingWishes: null,
      mergedIntoId: null,
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      createdBy: null,
      updatedBy: null,
      version: 1,
    };
  }
}

/** Columns of `persons` in the order `personValues` lists them. */
export const PERSON_COLUMNS = [
  'id', 'id_number', 'name', 'sex', 'birth_date', 'phone', 'phone_reversed', 'phone2', 'ethnicity_code', 'political_status_code',
  'household_type', 'household_division_code', 'household_address', 'residence_township_code', 'residence_village_code', 'address',
  'education_code', 'school', 'major', 'graduation_date', 'disability_grade', 'health_status', 'is_veteran', 'low_income_status',
  'female_retirement_category', 'employment_status', 'intended_occupation_code', 'intended_place', 'intended_salary_min_fen',
  'intended_salary_max_fen', 'training_wishes', 'merged_into_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version',
] as const;

export type SqlValue = string | number | null;

/** A person row as SQL parameters, in PERSON_COLUMNS order. */
export function personValues(p: PersonRow): SqlValue[] {
  return [
    p.id, p.idNumber, p.name, p.sex, p.birthDate, p.phone, p.phoneReversed, p.phone2, p.ethnicityCode, p.politicalStatusCode,
    p.householdType, p.householdDivisionCode, p.householdAddress, p.residenceTownshipCode, p.residenceVillageCode, p.address,
    p.educationCode, p.school, p.major, p.graduationDate, p.disabilityGrade, p.healthStatus, p.isVeteran ? 1 : 0, p.lowIncomeStatus,
    p.femaleRetirementCategory, p.employmentStatus, p.intendedOccupationCode, p.intendedPlace, p.intendedSalaryMinFen,
    p.intendedSalaryMaxFen, p.trainingWishes, p.mergedIntoId, p.createdAt, p.updatedAt, p.createdBy, p.updatedBy, p.version,
  ];
}
