/**
 * The seed's enterprises, visits, surveys and vacancies, as timeline steps.
 * Credit codes are built the way GB 32100 builds them (authority and type,
 * the county's region code, an organisation code with its GB 11714 check
 * character, then the GB 32100 check character), so every one passes the
 * validator the registry uses.
 */
import { CREDIT_CODE_CHARS, creditCodeCheck, organisationCodeCheck } from '../../shared/domain/credit-code';
import { DEFAULT_DIFFICULTIES, POLICIES_EXPLAINED, POLICY_INTEREST, suggestSizeClass } from '../../shared/domain/enterprise-codes';
import { INDUSTRY_SECTIONS } from '../../shared/domain/industry';
import { quarterOf } from '../../shared/domain/vacancy';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';
import { PersonGenerator, Weighted, type Township } from './person-generator';

export interface SeededEnterprise {
  name: string;
  creditCode: string;
  /** Day it was registered in the desk. */
  registeredOn: string;
  id: number | null;
}

export interface EnterprisePlanOptions {
  random: () => number;
  countyCode: string;
  townships: Township[];
  count: number;
  visits: number;
  walkInVacancies: number;
  /** First and last day of the seeded period. */
  from: string;
  asOf: string;
  /** Account names of staff who visit and their user ids. */
  visitors: { username: string; userId: number }[];
}

const PLACES = ['吴中', '东山', '木渎', '甪直', '胥口', '太湖', '金庭', '临湖', '越溪', '郭巷', '横泾', '长桥', '城南', '香山', '光福', '澄湖', '宝带'];
const WORDS = '华瑞恒鑫泰盛德联宏永嘉博达通信科创新利丰源和美佳康宇辰金明远天阳晨卓凯';
/** Sections weighted towards manufacturing, as in 吴中区; a business word per section. */
const SECTIONS = new Weighted<readonly [string, string]>([
  [['C', '精密机械'], 22], [['C', '电子科技'], 12], [['C', '新材料'], 6], [['C', '纺织'], 4], [['C', '食品'], 3],
  [['F', '商贸'], 14], [['E', '建设工程'], 5], [['G', '物流'], 5], [['H', '餐饮管理'], 7], [['I', '信息技术'], 6],
  [['L', '物业管理'], 3], [['M', '检测技术'], 3], [['O', '家政服务'], 4], [['R', '文化传媒'], 2], [['A', '农业发展'], 2],
]);
const OWNERSHIP = new Weighted<string>([['private', 60], ['limited_liability', 20], ['joint_stock', 5], ['foreign', 5], ['hmt', 3], ['state', 2], ['collective', 2], ['other', 3]]);
const JOBS: ReadonlyArray<readonly [code: string, title: string, minYuan: number]> = [
  ['6-18-01', '数控车工', 5500], ['6-31-01', '电工', 6000], ['6-25-04', '电子装配工', 4800], ['4-02-01', '仓库管理员', 4500],
  ['4-03-02', '中式烹调师', 5000], ['4-07-02', '保洁员', 3300], ['2-02-07', '机械工程技术人员', 8000], ['3-01-02', '行政文员', 4200],
  ['4-01-02', '营销员', 5000], ['6-20-03', '质检员', 4800], ['4-04-05', '快递员', 6000], ['2-02-10', '软件工程师', 10000],
];

export function makeCreditCode(random: () => number, countyCode: string, type: '1' | '2' | '3', used: Set<string>): string {
  for (;;) {
    // Post-2015 organisation codes begin with MA; older firms kept their 8-digit code.
    let body = random() < 0.7 ? 'MA' : String(1 + Math.floor(random() * 9));
    while (body.length < 8) body += random() < 0.7 || body.startsWith('MA') ? CREDIT_CODE_CHARS[Math.floor(random() * (body.startsWith('MA') ? 31 : 10))]! : '0';
    const first17 = `9${type}${countyCode}${body}${organisationCodeCheck(body)!}`;
    const code = first17 + creditCodeCheck(first17)!;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** The registry of enterprises and the steps that register, visit and post vacancies for them. */
export function planEnterprises(driver: SeedDriver, o: EnterprisePlanOptions): { enterprises: SeededEnterprise[]; steps: Step[] } {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const townships = new Weighted(o.townships.map((t) => [t.code, t.code.slice(6, 7) === '4' ? 0.2 : 1] as const));
  const contacts = new PersonGenerator({ seed: Math.floor(r() * 2 ** 31), townships: o.townships, today: o.asOf });
  const span = Math.round((Date.parse(o.asOf) - Date.parse(o.from)) / 86_400_000);
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const enterprises: SeededEnterprise[] = [];
  const steps: Step[] = [];
  const frontDesk = 'qiantai2';

  for (let i = 0; i < o.count; i += 1) {
    const [section, business] = SECTIONS.pick(r);
    const type = r() < 0.1 ? '2' : section === 'A' && r() < 0.5 ? '3' : '1';
    let name = '';
    for (let tries = 0; name === '' || usedNames.has(name); tries += 1) {
      const place = pick(PLACES);
      const brand = pick([...WORDS]) + pick([...WORDS]) + (tries > 3 ? pick([...WORDS]) : '');
      name = type === '2' ? `${place}${brand}${business}经营部` : type === '3' ? `${place}${brand}农业专业合作社` : `苏州${place}${brand}${business}有限公司`;
    }
    usedNames.add(name);
    const divisions = INDUSTRY_SECTIONS.find(([s]) => s === section)![2];
    const division = section === 'C' ? ({ 精密机械: '34', 电子科技: '39', 新材料: '29', 纺织: '17', 食品: '14' } as Record<string, string>)[business] ?? '41' : pick(divisions)[0];
    const insured = type === '2' ? 1 + Math.floor(r() * 5) : Math.max(1, Math.round(Math.exp(1.5 + r() * 3.5 + (r() < 0.05 ? 1.5 : 0))));
    // Most of the roster was on file when the period began; the rest registered along the way.
    const registeredOn = weekdayOnOrBefore(r() < 0.6 ? addDays(o.from, Math.floor(r() * 20)) : addDays(o.from, Math.floor(r() * span)));
    const enterprise: SeededEnterprise = { name, creditCode: makeCreditCode(r, o.countyCode, type, usedCodes), registeredOn, id: null };
    enterprises.push(enterprise);
    const contact = contacts.next(i + 1);
    const input = {
      creditCode: enterprise.creditCode, name, industryDivision: division, ownershipCode: type === '2' ? 'individual' : OWNERSHIP.pick(r),
      sizeClass: suggestSizeClass(section, insured) ?? 'micro', townshipCode: townships.pick(r), address: null,
      isDigitalTransformation: r() < 0.08, isSpecialized: r() < 0.03, isKeyEnterprise: insured > 300 || r() < 0.03, isLabourIntensive: section === 'C' && r() < 0.3,
      insuredCount: insured, headcountAsOf: registeredOn,
      contacts: [{ name: contact.name, position: type === '2' ? '经营者' : pick(['人事经理', '行政主管', '人事专员', '总经理']), phone: contact.phone }],
    };
    steps.push({ at: officeInstant(registeredOn, 8 * 60 + 40 + Math.floor(r() * 480)), run: () => { enterprise.id = driver.call<{ id: number }>(frontDesk, 'enterprises.register', input)?.id ?? null; } });
  }

  const surveyed = new Set<string>();
  for (let i = 0; i < o.visits && enterprises.length > 0; i += 1) {
    const enterprise = pick(enterprises);
    const day = weekdayOnOrBefore(addDays(enterprise.registeredOn, 1 + Math.floor(r() * Math.max(1, Math.round((Date.parse(o.asOf) - Date.parse(enterprise.registeredOn)) / 86_400_000) - 1))));
    if (day <= enterprise.registeredOn || day > o.asOf) continue;
    const quarter = quarterOf(day);
    const survey = r() < 0.25 && !surveyed.has(`${enterprise.creditCode}/${quarter}`);
    if (survey) surveyed.add(`${enterprise.creditCode}/${quarter}`);
    const staff = r() < 0.3 ? o.visitors : [pick(o.visitors)];
    const headcount = Math.max(1, Math.round(5 + r() * 200));
    const plan = r() < 0.35 ? [pick(JOBS), pick(JOBS)].slice(0, 1 + Math.floor(r() * 2)) : [];
    const difficulties = [...new Set([pick(DEFAULT_DIFFICULTIES)[0], pick(DEFAULT_DIFFICULTIES)[0]])].slice(0, Math.floor(r() * 3)).filter((c) => c !== 'other');
    const policies = [...new Set([pick(POLICIES_EXPLAINED)[0], pick(POLICIES_EXPLAINED)[0]])].slice(0, Math.floor(r() * 3));
    const input = {
      kind: survey ? 'survey' : 'visit', visitDate: day, mode: r() < 0.7 ? 'on_site' : r() < 0.6 ? 'phone' : 'online',
      staffUserIds: staff.map((s) => s.userId), headcount,
      difficulties: difficulties.map((code) => ({ code })),
      policies: policies.map((code) => ({ code, interest: pick(POLICY_INTEREST)[0] })),
      requests: difficulties.includes('recruitment') ? '希望推荐熟练操作工' : null,
      hiringPlan: plan.map(([code, title, minYuan]) => ({
        occupationCode: code, title, quarter, openings: 1 + Math.floor(r() * 8), salaryMinFen: minYuan * 100, salaryMaxFen: Math.round(minYuan * (1.2 + r() * 0.5)) * 100, publish: r() < 0.85,
      })),
      tasks: r() < 0.1 ? [{ description: '回访企业招聘进展并推荐人选', ownerUserId: staff[0]!.userId, dueDate: addDays(day, 14) }] : [],
      ...(survey ? { survey: { quarter, headcountPrevious: Math.max(0, headcount + Math.round((r() - 0.5) * 20)), shortageCount: Math.floor(r() * 10), startingPayFen: (3500 + Math.floor(r() * 30) * 100) * 100, expectedHires: Math.floor(r() * 15) } } : {}),
    };
    const who = staff[0]!.username;
    steps.push({ at: officeInstant(day, 9 * 60 + Math.floor(r() * 420)), run: () => { if (enterprise.id !== null) driver.call(who, 'enterprises.recordVisit', { enterpriseId: enterprise.id, ...input }); } });
  }

  for (let i = 0; i < o.walkInVacancies && enterprises.length > 0; i += 1) {
    const enterprise = pick(enterprises);
    const day = weekdayOnOrBefore(addDays(o.asOf, -Math.floor(r() * Math.min(span, 300))));
    if (day <= enterprise.registeredOn) continue;
    const [code, title, minYuan] = pick(JOBS);
    const input = { source: 'walk_in', occupationCode: code, title, openings: 1 + Math.floor(r() * 5), salaryMinFen: minYuan * 100, salaryMaxFen: Math.round(minYuan * 1.4) * 100, educationCode: r() < 0.5 ? '60' : null, validFrom: day, validTo: addDays(day, 90) };
    const outcome = r();
    const holder: { made: { id: number; version: number } | null } = { made: null };
    steps.push({ at: officeInstant(day, 10 * 60 + Math.floor(r() * 300)), run: () => {
      if (enterprise.id === null) return;
      holder.made = driver.call<{ id: number; version: number }>(frontDesk, 'vacancies.create', { enterpriseId: enterprise.id, ...input });
    } });
    const closeDay = weekdayOnOrBefore(addDays(day, 20 + Math.floor(r() * 40)));
    if (outcome < 0.35 && closeDay > day && closeDay <= o.asOf) {
      steps.push({ at: officeInstant(closeDay, 15 * 60), run: () => {
        const v = holder.made;
        if (v) driver.call(frontDesk, 'vacancies.setStatus', { id: v.id, version: v.version, status: outcome < 0.25 ? 'filled' : 'withdrawn', reason: outcome < 0.25 ? '已通过推荐招满' : '企业暂停招聘' });
      } });
    }
  }
  return { enterprises, steps };
}
