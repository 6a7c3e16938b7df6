/**
 * A synthetic county, built the way the office would build it: the database
 * and its administrator by first run (`setup.initialize`), staff accounts by
 * the administrator, the registry by the bulk loader shared with the
 * benchmark (the services' own derived data: search keys, key groups), and two
 * years of enterprises, visits, vacancies and cases through the router as
 * named staff at their office times (db/seed/driver.ts). Change capture fills
 * itself through the triggers. Same arguments, same content (contentDigest).
 *
 * Job fairs (seed-fairs.ts) and what follows a 失业登记 — follow-ups, contacts,
 * 注销, the six-month 注销 (seed-aftercare.ts) — and a year of 职业指导
 * (seed-guidance.ts), of 职业培训 (seed-training.ts) and 就业服务站 and 创业服务
 * (seed-startups.ts) run in the same timeline; the
 * bulk of the contacts (policy campaigns, counseling, referrals: about 2.5 per
 * person) is loaded afterwards like the registry (seed-contacts.ts).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type SeedScale } from '../../shared/demo';
import { Desk, type DeskOptions } from '../desk';
import { loadDivisions, townshipsOf, villagesOf } from '../divisions';
import { persons } from '../schema';
import { refreshDerived, KEY_GROUPS_AS_OF } from '../services/person-derived';
import { contentDigest } from './digest';
import { addDays, officeInstant, reuseStatements, SeedClock, SeedDriver, type TimelineStep } from './driver';
import { loadPersons } from './load-persons';
import { prng } from './person-generator';
import { planCases, type CandidatePerson } from './seed-cases';
import { planEnterprises, type SeededEnterprise } from './seed-enterprises';
import { fairAttendeePool, FAIR_SCALES, planFairs } from './seed-fairs';
import { planAftercare } from './seed-aftercare';
import { CONTACTS_PER_PERSON, loadContacts } from './seed-contacts';
import { planGuidance } from './seed-guidance';
import { planGuidanceEvents } from './seed-guidance-events';
import { planTraining } from './seed-training';
import { planWelfarePosts } from './seed-welfare-posts';
import { planGig } from './seed-gig';
import { planStartups } from './seed-startups';
import { planPayments } from './seed-payments';
import { planPolicies, type PolicyRoad } from './seed-policies';

export const SEED_SCALES: Record<SeedScale, { persons: number; enterprises: number; visits: number; walkInVacancies: number; unemployment: number; employment: number; certifications: number; subsidies: number }> = {
  // Small enough to open from the first-start screen in seconds, large enough for every list to page.
  demo: { persons: 5_000, enterprises: 80, visits: 100, walkInVacancies: 20, unemployment: 160, employment: 110, certifications: 30, subsidies: 20 },
  county: { persons: 300_000, enterprises: 15_000, visits: 20_000, walkInVacancies: 3_000, unemployment: 12_000, employment: 10_000, certifications: 2_500, subsidies: 1_500 },
  city: { persons: 1_000_000, enterprises: 50_000, visits: 60_000, walkInVacancies: 10_000, unemployment: 40_000, employment: 33_000, certifications: 8_000, subsidies: 5_000 },
};

export const DEFAULT_SEED_COUNTY = '320506';
/** Settings rows that mark a seeded database: the banner and every printout read `demo`. */
export const DEMO_SETTING = 'demo';
export const SEED_SETTING = 'demo_seed';

/** The new database's file, key and resources, named as for the desk that writes it. */
export interface SeedOptions extends Pick<DeskOptions, 'dbPath' | 'keys' | 'migrationsDir' | 'resourcesDir' | 'appVersion' | 'nativeBinding'> {
  scale: SeedScale;
  seed: number;
  /** The office day the county is seeded up to (the period is the two years before it). */
  asOf: string;
  countyCode?: string;
  /** Make person batches in a worker thread (needs tsx: command line only). */
  worker: boolean;
  log: (line: string) => void;
  /** Progress for a job; awaited between chunks, so a job can yield and be cancelled. */
  progress?: (phase: string, done: number, total: number) => Promise<void> | void;
  /** Compute the content digest at the end (command line and tests; the app skips it). */
  digest?: boolean;
}

export interface SeedSummary {
  scale: SeedScale;
  seed: number;
  asOf: string;
  countyCode: string;
  persons: number;
  enterprises: number;
  cases: number;
  serviceCalls: number;
  refusals: string[];
  /** The policy road of the last two weeks (seed-policies.ts): department imports, findings, outreach, applications, 免申即享 batches. */
  policies: PolicyRoad;
  seconds: number;
  phases: Record<string, number>;
  digest: string | null;
}

/** What every phase of one run works on. */
interface SeedRun {
  o: SeedOptions;
  desk: Desk;
  sqlite: Database.Database;
  driver: SeedDriver;
  clock: SeedClock;
  countyCode: string;
  /** First day of the two years seeded. */
  from: string;
  size: (typeof SEED_SCALES)[SeedScale];
}

export async function seedDatabase(o: SeedOptions): Promise<SeedSummary> {
  if (existsSync(o.dbPath)) throw new Error(`数据库文件已存在：${o.dbPath}（生成演示数据只写入新文件）`);
  const timer = phaseTimer();
  const countyCode = o.countyCode ?? DEFAULT_SEED_COUNTY;
  const from = addDays(o.asOf, -730);
  const clock = new SeedClock(officeInstant(from, 8 * 60));
  const desk = new Desk({
    dbPath: o.dbPath, keys: o.keys, migrationsDir: o.migrationsDir, resourcesDir: o.resourcesDir, appVersion: o.appVersion,
    ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}), clock: clock.now, log: (message) => o.log(`[desk] ${message}`),
  });
  try {
    const sqlite = initialize(desk, o, countyCode);
    const run: SeedRun = { o, desk, sqlite, driver: new SeedDriver(desk, clock), clock, countyCode, from, size: SEED_SCALES[o.scale] };
    const userIds = createAccounts(run);
    timer.phase('accounts');

    const townships = await loadRegistry(run);
    timer.phase('persons');

    const { steps, enterprises, cases, policies } = planTimeline(run, townships, userIds);
    timer.phase('plan');
    await run.driver.runTimeline(steps, o.scale === 'demo' ? 200 : 1_000, async (done, total) => {
      await o.progress?.('企业、走访与业务', done, total);
    });
    timer.phase('timeline');

    await loadBulkContacts(run, userIds);
    timer.phase('contacts');

    const { persons: personCount, digest } = finishSeed(run, { enterprises: enterprises.length, cases });
    timer.phase('finish');
    return {
      scale: o.scale, seed: o.seed, asOf: o.asOf, countyCode, persons: personCount, enterprises: enterprises.length, cases,
      serviceCalls: run.driver.calls, refusals: run.driver.refusals, policies, seconds: timer.seconds(), phases: timer.phases, digest,
    };
  } finally {
    desk.close();
  }
}

/** Seconds per phase for the summary: `phase(name)` ends the phase that ran since the previous call. */
function phaseTimer(): { phases: Record<string, number>; phase: (name: string) => void; seconds: () => number } {
  const started = Date.now();
  const phases: Record<string, number> = {};
  let phaseStart = started;
  return {
    phases,
    phase: (name) => {
      phases[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
      phaseStart = Date.now();
    },
    seconds: () => Math.round((Date.now() - started) / 100) / 10,
  };
}

const PUT_SETTING = 'insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value';

/** First run as the office does it (setup.initialize), then the settings a seed build needs. */
function initialize(desk: Desk, o: SeedOptions, countyCode: string): Database.Database {
  const admin = DEMO_ACCOUNTS[0]!;
  const init = desk.call(null, 'setup.initialize', { countyCode, adminUsername: admin.username, adminDisplayName: admin.displayName, password: DEMO_PASSWORD });
  if (!init.result.ok) throw new Error(`setup.initialize: ${init.result.error.message}`);
  const sqlite = desk.database().sqlite;
  reuseStatements(sqlite);
  // A throw-away build until it is complete: no fsync per commit.
  sqlite.pragma('synchronous = OFF');
  const setting = sqlite.prepare(PUT_SETTING);
  // The audit digests' key from the seed, so the same seed gives the same audit chain (synthetic data only).
  setting.run('audit_digest_secret', createHash('sha256').update(`employment-desk-seed:${o.seed}`).digest('hex'));
  // Two years pass between the seed's calls; the idle lock would lock every session in between.
  setting.run('idle_lock_minutes', String(10_000_000));
  setting.run(DEMO_SETTING, 'true');
  return sqlite;
}

/** The staff accounts, made by the administrator, each signed in for the timeline. Answers username → user id. */
function createAccounts({ desk, sqlite, driver }: SeedRun): Map<string, number> {
  const [admin, ...staff] = DEMO_ACCOUNTS;
  driver.addSession(admin!.username, login(desk, admin!.username, DEMO_PASSWORD));
  const userIds = new Map<string, number>();
  for (const account of staff) {
    const made = driver.call<{ id: number }>(admin!.username, 'users.create', { username: account.username, displayName: account.displayName, roles: account.roles, password: DEMO_PASSWORD });
    if (!made) throw new Error(driver.refusals.join('\n'));
    userIds.set(account.username, made.id);
  }
  // The demo's password is published on its login screen: a forced change at first login would lock the
  // next visitor out, so the accounts start as if their holders had already chosen it.
  sqlite.prepare(`update users set must_change_password = 0 where username in (${staff.map(() => '?').join(', ')})`).run(...staff.map((a) => a.username));
  for (const account of staff) driver.addSession(account.username, login(desk, account.username, DEMO_PASSWORD));
  return userIds;
}

type Townships = { code: string; villages: string[] }[];

/** The registry by the bulk loader; answers the county's townships, which the enterprises are spread over. */
async function loadRegistry({ o, sqlite, countyCode, size }: SeedRun): Promise<Townships> {
  const divisions = loadDivisions(o.resourcesDir);
  const townships = townshipsOf(divisions, countyCode).map((t) => ({ code: t.code, villages: villagesOf(divisions, t.code).map((v) => v.code) }));
  await o.progress?.('人员档案', 0, size.persons);
  await loadPersons(sqlite, {
    generator: { seed: o.seed, townships, today: o.asOf, createdTo: o.asOf, registeredUnemployment: false },
    persons: size.persons, batch: o.scale === 'demo' ? 2_000 : 50_000, worker: o.worker, log: o.log,
    afterBatch: (done, total) => o.progress?.('人员档案', done, total),
  });
  return townships;
}

/**
 * Two years of enterprises, visits, cases, fairs and aftercare as one list
 * of timeline steps. Each planner draws from its own stream but enterprises
 * and cases share one, in that order; the order of the list decides ties.
 */
function planTimeline({ o, sqlite, driver, countyCode, from, size }: SeedRun, townships: Townships, userIds: Map<string, number>): { steps: TimelineStep[]; enterprises: SeededEnterprise[]; cases: number; policies: PolicyRoad } {
  const random = prng(o.seed ^ 0x5eed);
  const visitors = ['zhidao', 'qiantai2'].map((username) => ({ username, userId: userIds.get(username)! }));
  const { enterprises, steps: enterpriseSteps } = planEnterprises(driver, {
    random, countyCode, townships, count: size.enterprises, visits: size.visits, walkInVacancies: size.walkInVacancies, from, asOf: o.asOf, visitors,
  });
  const { steps: caseSteps, cases, registered } = planCases(driver, caseCandidates(sqlite, o.asOf), { random, from, asOf: o.asOf, ...size, enterprises });
  const aftercareSteps = planAftercare(driver, sqlite, registered, { random: prng(o.seed ^ 0xaf7e), asOf: o.asOf });
  const attendees = fairAttendeePool(sqlite, o.asOf, 40_000);
  const { steps: fairSteps } = planFairs(driver, { random: prng(o.seed ^ 0xfa125), countyCode, from, asOf: o.asOf, enterprises, attendees, ...FAIR_SCALES[o.scale] });
  const { steps: policySteps, road: policies } = planPolicies(driver, sqlite, { random: prng(o.seed ^ 0x9011c7), countyCode, townships, asOf: o.asOf, persons: size.persons, log: o.log });
  const guidanceSteps = planGuidance(driver, sqlite, { random: prng(o.seed ^ 0x6d1d), asOf: o.asOf, persons: size.persons });
  const guidanceEventSteps = planGuidanceEvents(driver, sqlite, { random: prng(o.seed ^ 0x6e7e), asOf: o.asOf, persons: size.persons });
  const trainingSteps = planTraining(driver, sqlite, { random: prng(o.seed ^ 0x7a1), asOf: o.asOf });
  const gigSteps = planGig(driver, sqlite, { random: prng(o.seed ^ 0x619), asOf: o.asOf, townshipCodes: townships.map((t) => t.code) });
  const placeNames = new Map(loadDivisions(o.resourcesDir).map((d) => [d.code, d.name]));
  const startupSteps = planStartups(driver, sqlite, { random: prng(o.seed ^ 0x57a7), from, asOf: o.asOf, townships, placeNames, enterprises, count: Math.max(6, Math.round(size.enterprises / 75)) });
  const welfareSteps = planWelfarePosts(driver, sqlite, { asOf: o.asOf, townshipName: placeNames.get(townships[0]?.code ?? '') ?? '' });
  // Payments run after everything else planned for the same instant: they pay what the day's decisions approved.
  const paymentSteps = planPayments(driver, sqlite, { random: prng(o.seed ^ 0xfee5), from, asOf: o.asOf });
  return { steps: [...enterpriseSteps, ...caseSteps, ...fairSteps, ...aftercareSteps, ...policySteps, ...guidanceSteps, ...guidanceEventSteps, ...trainingSteps, ...gigSteps, ...startupSteps, ...welfareSteps, ...paymentSteps], enterprises, cases, policies };
}

/** People a case can be about: aged 19 to 54 on asOf, out of work or at work. */
function caseCandidates(sqlite: Database.Database, asOf: string): CandidatePerson[] {
  return sqlite
    .prepare(
      `select id, sex, birth_date as birthDate, employment_status as employmentStatus, female_retirement_category as femaleRetirementCategory,
         disability_grade as disabilityGrade, low_income_status as lowIncomeStatus, is_veteran as isVeteran, substr(created_at, 1, 10) as createdOn
       from persons where employment_status in ('unemployed_unregistered', 'employed') and birth_date between ? and ? order by id`,
    )
    .all(`${Number(asOf.slice(0, 4)) - 54}${asOf.slice(4)}`, `${Number(asOf.slice(0, 4)) - 19}${asOf.slice(4)}`) as CandidatePerson[];
}

/** The bulk of the contacts (campaigns, counseling, referrals), loaded like the registry after the timeline. */
async function loadBulkContacts({ o, sqlite, from, size }: SeedRun, userIds: Map<string, number>): Promise<void> {
  await o.progress?.('联系记录', 0, 1);
  await loadContacts(sqlite, {
    random: prng(o.seed ^ 0xc0c0), from, asOf: o.asOf, count: Math.round(size.persons * CONTACTS_PER_PERSON),
    counselors: [userIds.get('zhidao')!], frontDesk: ['qiantai', 'qiantai2'].map((u) => userIds.get(u)!), log: o.log,
    progress: (done, total) => o.progress?.('联系记录', done, total),
  });
}

/**
 * Brings the derived data to asOf, marks the database as a finished seed,
 * makes it durable, and answers the count of persons and the content digest.
 */
function finishSeed({ o, desk, sqlite, clock }: SeedRun, made: { enterprises: number; cases: number }): { persons: number; digest: string | null } {
  // Decisions changed some people's employment status on their own day: their key groups are brought to asOf.
  clock.ms = officeInstant(o.asOf, 17 * 60);
  const { db } = desk.database();
  // The registry's bulk load, plus the newcomers registered at the fairs' doors.
  const personCount = (sqlite.prepare('select count(*) as n from persons').get() as { n: number }).n;
  const decided = db.select().from(persons).where(sql`${persons.id} in (select person_id from cases where state = 'approved')`).orderBy(persons.id).all();
  const setting = sqlite.prepare(PUT_SETTING);
  sqlite.transaction(() => {
    for (const row of decided) refreshDerived(db, row, o.asOf);
    setting.run(KEY_GROUPS_AS_OF, o.asOf);
    sqlite.prepare('delete from settings where key = ?').run('idle_lock_minutes');
    setting.run(SEED_SETTING, JSON.stringify({ scale: o.scale, seed: o.seed, asOf: o.asOf, persons: personCount, enterprises: made.enterprises, cases: made.cases }));
  })();
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { persons: personCount, digest: o.digest === false ? null : contentDigest(sqlite) };
}

function login(desk: Desk, username: string, password: string): string {
  const outcome = desk.call(null, 'auth.login', { username, password });
  if (!outcome.result.ok || !outcome.session || !('set' in outcome.session)) throw new Error(`登录 ${username} 失败`);
  return outcome.session.set;
}
