/**
 * The seed's job fairs (招聘会) as timeline steps, all through the router:
 * a fair is planned two weeks ahead, enterprises sign up with vacancies they
 * post for the fair, people are checked in at the door on the day (a tenth of
 * them unknown to the registry and registered there, as persons.register
 * would), intentions are recorded that afternoon and their outcomes weeks later.
 * Dates follow the national calendar (shared/domain/fair-codes.ts).
 *
 * Wiring (db/seed/seed.ts, after planEnterprises):
 *   const attendees = fairAttendeePool(sqlite, o.asOf, 40_000);
 *   const { steps: fairSteps } = planFairs(driver, { random, countyCode, from, asOf: o.asOf, enterprises, attendees, ...FAIR_SCALES[o.scale] });
 *   … driver.runTimeline([...enterpriseSteps, ...caseSteps, ...fairSteps], …)
 */
import type Database from 'better-sqlite3';
import type { SeedScale } from '../../shared/demo';
import { labelOf } from '../../shared/domain/enterprise-codes';
import { CAMPAIGN_MONTHS, FAIR_CAMPAIGNS, type FairCampaign, type FairTargetGroup } from '../../shared/domain/fair-codes';
import { idNumberCheckChar } from '../../shared/domain/id-number';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';
import { PersonGenerator, Weighted } from './person-generator';
import type { SeededEnterprise } from './seed-enterprises';

export interface FairAttendee {
  idNumber: string;
  /** Day the person's record was created: nobody checks in before it. */
  createdOn: string;
}

export interface FairPlanOptions {
  random: () => number;
  countyCode: string;
  from: string;
  asOf: string;
  enterprises: SeededEnterprise[];
  attendees: FairAttendee[];
  fairs: number;
  /** Means; each fair draws around them. */
  enterprisesPerFair: number;
  checkInsPerFair: number;
}

/** Hundreds of fairs and tens of thousands of check-ins at county scale. */
export const FAIR_SCALES: Record<SeedScale, Pick<FairPlanOptions, 'fairs' | 'enterprisesPerFair' | 'checkInsPerFair'>> = {
  demo: { fairs: 12, enterprisesPerFair: 6, checkInsPerFair: 25 },
  county: { fairs: 320, enterprisesPerFair: 25, checkInsPerFair: 110 },
  city: { fairs: 900, enterprisesPerFair: 30, checkInsPerFair: 130 },
};

/** Working-age people on file, the pool fair visitors are drawn from. */
export function fairAttendeePool(sqlite: Database.Database, asOf: string, limit: number): FairAttendee[] {
  const year = Number(asOf.slice(0, 4));
  return sqlite
    .prepare(
      `select id_number as idNumber, substr(created_at, 1, 10) as createdOn from persons
       where merged_into_id is null and birth_date between ? and ? order by id limit ?`,
    )
    .all(`${year - 60}${asOf.slice(4)}`, `${year - 17}${asOf.slice(4)}`, limit) as FairAttendee[];
}

const VENUES = ['区人力资源市场', '木渎镇文体中心', '甪直镇社区服务中心', '越溪街道便民服务中心', '城南街道零工市场', '长桥街道党群服务中心', '香山街道文化广场', '郭巷街道就业服务站'];
const ORGANIZERS = ['区人力资源和社会保障局', '区公共就业和人才服务中心', '区人社局、区总工会', '区人社局、区退役军人事务局'];
const TARGETS: Partial<Record<FairCampaign, FairTargetGroup[]>> = {
  assistance_month: ['difficulty', 'disabled'], spring_breeze: ['rural_labour', 'any'], graduate_joint: ['graduates'],
  hundred_days: ['graduates', 'any'], private_enterprise_month: ['any'], golden_autumn: ['any', 'women', 'older_workers'],
  live_stream_month: ['any'], special: ['veterans', 'any', 'older_workers'], other: ['any'],
};
const CAMPAIGNS = new Weighted<FairCampaign>([
  ['assistance_month', 10], ['spring_breeze', 16], ['private_enterprise_month', 10], ['graduate_joint', 12], ['hundred_days', 10],
  ['live_stream_month', 6], ['golden_autumn', 10], ['special', 20], ['other', 6],
]);
const JOBS: ReadonlyArray<readonly [code: string, title: string, minYuan: number]> = [
  ['6-18-01', '数控车工', 5500], ['6-31-01', '电工', 6000], ['6-25-04', '电子装配工', 4800], ['4-02-01', '仓库管理员', 4500],
  ['4-07-02', '保洁员', 3300], ['3-01-02', '行政文员', 4200], ['4-01-02', '营销员', 5000], ['6-20-03', '质检员', 4800],
];
const ORGANIZER_STAFF = ['zhidao', 'qiantai2'];
const DOOR_STAFF = ['qiantai', 'qiantai2'];
const CANCEL_REASONS = ['场地临时调整', '恶劣天气预警', '与上级统一招聘活动合并举办'];

/** A day in one of the campaign's months within [from, to]; any day for 专场/其他. */
function fairDay(r: () => number, campaign: FairCampaign, from: string, to: string): string | null {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const months = CAMPAIGN_MONTHS[campaign];
  for (let tries = 0; tries < 40; tries += 1) {
    const day = weekdayOnOrBefore(addDays(from, Math.floor(r() * span)));
    if (day >= from && (months.length === 0 || months.includes(Number(day.slice(5, 7))))) return day;
  }
  return null;
}

interface Attendance {
  id: number;
  intentions: { id: number; version: number }[];
}

interface PlannedFair {
  id: number | null;
  version: number;
  /** enterpriseId → vacancy ids brought to this fair. */
  vacancies: Map<number, number[]>;
  attendances: Attendance[];
}

/** Newcomers' ID numbers use sequence digits 9xx, which the person generator never reaches. */
function newcomerId(countyCode: string, birthDate: string, sex: 'male' | 'female', r: () => number, used: Set<string>): string {
  for (;;) {
    const seq = 900 + 2 * Math.floor(r() * 49) + (sex === 'male' ? 1 : 2);
    const first17 = `${countyCode}${birthDate.replace(/-/g, '')}${seq}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** What a person gives at the door: an ID number on file, or a newcomer's details. */
interface CheckIn {
  idNumber: string;
  name?: string;
  phone?: string;
}

/**
 * What the plans of the fairs share: the one stream of draws (its order is
 * the seed's content: nothing may draw earlier or later than it did), the
 * timeline being built, and the newcomers made at the doors so far.
 */
class FairPlanner {
  readonly steps: Step[] = [];
  readonly r: () => number;
  private readonly newcomers: PersonGenerator;
  private readonly usedIds = new Set<string>();
  private newcomerCount = 0;

  constructor(
    readonly driver: SeedDriver,
    readonly o: FairPlanOptions,
  ) {
    this.r = o.random;
    this.newcomers = new PersonGenerator({ seed: Math.floor(this.r() * 2 ** 31), townships: [{ code: `${o.countyCode}001`, villages: [] }], today: o.asOf });
  }

  readonly pick = <T>(list: readonly T[]): T => list[Math.floor(this.r() * list.length)]!;
  readonly around = (mean: number): number => Math.max(1, Math.round(mean * (0.4 + this.r() * 1.2)));

  /** Someone the registry does not know yet, of working age on the fair's day: born 18 to 55 years before it. */
  newcomer(day: string): CheckIn {
    this.newcomerCount += 1;
    const p = this.newcomers.next(this.newcomerCount);
    const birthYear = Math.min(Math.max(Number(p.birthDate.slice(0, 4)), Number(day.slice(0, 4)) - 55), Number(day.slice(0, 4)) - 18);
    const birthDate = `${birthYear}${p.birthDate.slice(4)}`;
    const idNumber = newcomerId(this.o.countyCode, birthDate.endsWith('02-29') ? birthDate.replace('02-29', '02-28') : birthDate, p.sex, this.r, this.usedIds);
    return { idNumber, name: p.name, ...(p.phone ? { phone: p.phone } : {}) };
  }
}

/**
 * The organizer plans the fair two weeks ahead; a few are called off two days
 * before. Answers whether enterprises sign up for it: not when it was called
 * off, nor for half of those still ahead.
 */
function scheduleCreateAndCancel(plan: FairPlanner, fair: PlannedFair, organizer: string, campaign: FairCampaign, day: string): boolean {
  const { r, o, pick, driver } = plan;
  const channel = campaign === 'live_stream_month' ? 'live_stream' : r() < 0.12 ? 'online' : 'on_site';
  const venue = channel === 'on_site' ? pick(VENUES) : channel === 'online' ? '江苏公共就业服务网' : '区人社局直播间';
  const input = {
    name: `${day.slice(0, 4)}年${labelOf(FAIR_CAMPAIGNS, campaign).replace('专场招聘会', '')}${channel === 'live_stream' ? '直播带岗' : `${venue.replace(/^区/, '')}专场`}招聘会（${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日）`,
    campaign, targetGroup: pick(TARGETS[campaign] ?? ['any']), channel, startDate: day, endDate: r() < 0.1 ? addDays(day, 1) : null, venue, organizer: pick(ORGANIZERS),
  };
  const planningDay = weekdayOnOrBefore(addDays(day, -14));
  plan.steps.push({ at: officeInstant(planningDay, 9 * 60 + Math.floor(r() * 300)), run: () => {
    const made = driver.call<{ id: number; version: number }>(organizer, 'fairs.create', input);
    if (made) Object.assign(fair, { id: made.id, version: made.version });
  } });
  if (day > o.asOf && r() < 0.5) return false;
  if (r() < 0.03 && day > planningDay) {
    const cancelDay = weekdayOnOrBefore(addDays(day, -2));
    plan.steps.push({ at: officeInstant(cancelDay, 15 * 60), run: () => {
      if (fair.id !== null) driver.call(organizer, 'fairs.setStatus', { id: fair.id, version: fair.version, status: 'cancelled', reason: pick(CANCEL_REASONS) });
    } });
    return false;
  }
  return true;
}

/** Enterprises sign up in the week before, each posting one to three vacancies for the fair. */
function scheduleSignUps(plan: FairPlanner, fair: PlannedFair, organizer: string, day: string): void {
  const { r, o, pick, driver } = plan;
  const signUpDay = weekdayOnOrBefore(addDays(day, -5));
  const chosen = new Set<SeededEnterprise>();
  for (let n = plan.around(o.enterprisesPerFair); chosen.size < n && chosen.size < o.enterprises.length; ) {
    const e = pick(o.enterprises);
    if (e.registeredOn < signUpDay) chosen.add(e);
    else n -= 1;
  }
  [...chosen].forEach((enterprise, booth) => {
    const jobs = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(JOBS)).filter((j, k, all) => all.indexOf(j) === k);
    const openings = jobs.map(() => 1 + Math.floor(r() * 10));
    plan.steps.push({ at: officeInstant(signUpDay, 9 * 60 + booth * 3), run: () => {
      if (fair.id === null || enterprise.id === null) return;
      const ids = jobs
        .map(([code, title, minYuan], k) => driver.call<{ id: number }>(organizer, 'vacancies.create', {
          enterpriseId: enterprise.id, source: 'fair', occupationCode: code, title, openings: openings[k], salaryMinFen: minYuan * 100, salaryMaxFen: Math.round(minYuan * 1.4) * 100, validFrom: signUpDay, validTo: addDays(day, 60),
        })?.id)
        .filter((id): id is number => typeof id === 'number');
      const added = driver.call(organizer, 'fairs.addEnterprise', { fairId: fair.id, enterpriseId: enterprise.id, boothNumber: `${'ABCD'[Math.floor(booth / 30)] ?? 'E'}${String((booth % 30) + 1).padStart(2, '0')}`, vacancyIds: ids });
      if (added) fair.vacancies.set(enterprise.id, ids);
    } });
  });
}

/** The door: people come in the morning, each person once per fair; a tenth are newcomers registered there. */
function scheduleDoor(plan: FairPlanner, fair: PlannedFair, organizer: string, day: string): void {
  const { r, o, pick, driver } = plan;
  const visitors = new Set<string>();
  const eligible = o.attendees.filter((a) => a.createdOn <= day);
  const count = eligible.length === 0 ? 0 : plan.around(o.checkInsPerFair);
  for (let k = 0; k < count; k += 1) {
    const door = pick(DOOR_STAFF);
    let checkIn: CheckIn;
    if (r() < 0.1) {
      checkIn = plan.newcomer(day);
    } else {
      const a = pick(eligible);
      if (visitors.has(a.idNumber)) continue;
      checkIn = { idNumber: a.idNumber };
    }
    visitors.add(checkIn.idNumber);
    const minute = 8 * 60 + 30 + Math.floor(r() * 180);
    const intends = r() < 0.3;
    const outcome = { draw: r(), day: weekdayOnOrBefore(addDays(day, 7 + Math.floor(r() * 25))) };
    const slot: Attendance = { id: 0, intentions: [] };
    plan.steps.push({ at: officeInstant(day, minute), run: () => {
      if (fair.id === null) return;
      const made = driver.call<{ attendance: { id: number } }>(door, 'fairs.checkIn', { fairId: fair.id, ...checkIn });
      if (made) {
        slot.id = made.attendance.id;
        fair.attendances.push(slot);
      }
    } });
    if (intends) scheduleIntentions(plan, fair, organizer, day, slot, outcome);
  }
}

/** An intention recorded that afternoon with one of the fair's enterprises; its outcome weeks later, for most. */
function scheduleIntentions(plan: FairPlanner, fair: PlannedFair, organizer: string, day: string, slot: Attendance, outcome: { draw: number; day: string }): void {
  const { r, o, driver } = plan;
  plan.steps.push({ at: officeInstant(day, 14 * 60 + Math.floor(r() * 180)), run: () => {
    const offers = [...fair.vacancies.entries()];
    if (slot.id === 0 || offers.length === 0) return;
    const [enterpriseId, vacancyIds] = offers[Math.floor(r() * offers.length)]!;
    const vacancyId = vacancyIds.length > 0 && r() < 0.85 ? vacancyIds[Math.floor(r() * vacancyIds.length)]! : null;
    const view = driver.call<{ intentions: { id: number; version: number }[] }>(organizer, 'fairs.recordIntention', { attendanceId: slot.id, enterpriseId, vacancyId });
    if (view) slot.intentions = view.intentions;
  } });
  if (outcome.day > o.asOf || outcome.draw > 0.75) return;
  plan.steps.push({ at: officeInstant(outcome.day, 10 * 60 + Math.floor(r() * 300)), run: () => {
    const intention = slot.intentions[0];
    if (intention) driver.call(organizer, 'fairs.setIntentionOutcome', { id: intention.id, version: intention.version, outcome: outcome.draw < 0.35 ? 'hired' : 'not_hired', outcomeOn: outcome.day });
  } });
}

/** One fair on `day`, through as much of its life as has happened by asOf: planned, signed up for, held. */
function planFair(plan: FairPlanner, campaign: FairCampaign, day: string): void {
  const fair: PlannedFair = { id: null, version: 1, vacancies: new Map(), attendances: [] };
  const organizer = plan.pick(ORGANIZER_STAFF);
  if (!scheduleCreateAndCancel(plan, fair, organizer, campaign, day)) return;
  scheduleSignUps(plan, fair, organizer, day);
  if (day > plan.o.asOf) return;
  scheduleDoor(plan, fair, organizer, day);
  plan.steps.push({ at: officeInstant(day, 17 * 60 + 30), run: () => {
    if (fair.id !== null) plan.driver.call(organizer, 'fairs.setStatus', { id: fair.id, version: fair.version, status: 'held' });
  } });
}

export function planFairs(driver: SeedDriver, o: FairPlanOptions): { steps: Step[]; fairs: number } {
  const plan = new FairPlanner(driver, o);
  let planned = 0;
  // A few fairs are still ahead: planned, with enterprises signed up, nobody at the door yet.
  const upTo = addDays(o.asOf, 30);
  for (let i = 0; i < o.fairs; i += 1) {
    const campaign = CAMPAIGNS.pick(plan.r);
    const day = fairDay(plan.r, campaign, addDays(o.from, 20), upTo);
    if (!day) continue;
    planned += 1;
    planFair(plan, campaign, day);
  }
  return { steps: plan.steps, fairs: planned };
}
