/**
 * The bulk of a county's service events: contacts of staff with people
 * (联系记录) over two years — policy messages pushed to target groups
 * (政策找人: SMS and WeChat campaigns), counseling sessions (职业指导), job
 * referrals to posted vacancies (岗位推荐), training referrals — a few per
 * working-age person, about 2.5 per person in all.
 *
 * They are loaded like the registry: in batches of prepared inserts, as the
 * office's own history would be imported, because replaying three quarters of
 * a million contacts one RPC at a time would turn minutes into an hour. Their
 * change capture still runs (the triggers), and every row is a valid contact:
 * a date inside the period, after the person's record was made and before
 * asOf, on a working day, by a named staff member whose role records contacts,
 * a referral only to a vacancy open on that day. People with a 失业登记 get
 * their contacts through the router instead (seed-aftercare.ts): those settle
 * what the desk tracks (the follow-up due, the six-month 注销).
 */
import type Database from 'better-sqlite3';
import { addDays, officeInstant, weekdayOnOrBefore } from './driver';
import { Weighted } from './person-generator';

export const CONTACTS_PER_PERSON = 2.5;

export interface ContactPlanOptions {
  random: () => number;
  from: string;
  asOf: string;
  /** How many contacts to make in all. */
  count: number;
  /** User ids of the staff who record contacts (counselors and front desk), and the one who sends campaigns. */
  counselors: number[];
  frontDesk: number[];
  log: (line: string) => void;
  progress?: (done: number, total: number) => Promise<void> | void;
}

interface Person {
  id: number;
  birthDate: string;
  createdOn: string;
  status: string;
  household: string | null;
  graduationDate: string | null;
  veteran: number;
}

interface Vacancy {
  id: number;
  validFrom: string;
  validTo: string;
  title: string;
}

/** Campaigns of 政策找人: a message to everyone of a target group on one day. */
const CAMPAIGNS: ReadonlyArray<{ name: string; month: number; who: (p: Person, day: string) => boolean }> = [
  { name: '就业援助月：就业困难人员帮扶政策', month: 12, who: (p, day) => age(p, day) >= 40 && p.status !== 'employed' },
  { name: '春风行动：农村劳动力转移就业岗位信息', month: 2, who: (p, day) => p.household === 'rural' && age(p, day) < 55 },
  { name: '高校毕业生就业创业政策（一次性扩岗补助、求职创业补贴）', month: 5, who: (p, day) => p.graduationDate !== null && p.graduationDate >= addDays(day, -730) },
  { name: '退役军人就业创业服务', month: 8, who: (p) => p.veteran === 1 },
  { name: '灵活就业人员社会保险补贴政策', month: 10, who: (p, day) => p.status === 'unemployed_unregistered' && age(p, day) >= 30 },
];

const COUNSELING = ['职业指导：求职意向与简历修改', '职业指导：面试技巧', '职业指导：结合本人技能推荐适合的岗位方向', '创业指导：创业担保贷款政策咨询'];
const TRAINING = ['推荐参加电工职业技能培训', '推荐参加养老护理员培训', '推荐参加电子商务运营培训', '推荐参加叉车司机培训'];
const REFERRAL_OUTCOMES = new Weighted<string>([['推荐成功，已录用', 22], ['已面试，未录用', 28], ['本人放弃', 15], ['待反馈', 35]]);

function age(p: Person, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
  return day.slice(5) >= p.birthDate.slice(5) ? years : years - 1;
}

const COLUMNS = ['person_id', 'contact_date', 'kind', 'channel', 'staff_user_id', 'vacancy_id', 'content', 'outcome', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version'];

export async function loadContacts(sqlite: Database.Database, o: ContactPlanOptions): Promise<number> {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const people = sqlite
    .prepare(
      `select id, birth_date as birthDate, substr(created_at, 1, 10) as createdOn, employment_status as status, household_type as household,
         graduation_date as graduationDate, is_veteran as veteran
       from persons p where merged_into_id is null
         and not exists (select 1 from cases c where c.person_id = p.id and c.case_type = 'unemployment_registration' and c.state = 'approved')
       order by id`,
    )
    .all() as Person[];
  const vacancies = sqlite.prepare("select id, valid_from as validFrom, valid_to as validTo, title from vacancies where status != 'withdrawn' order by valid_from, id").all() as Vacancy[];
  const insert = sqlite.prepare(`insert into person_contacts (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const span = Math.round((Date.parse(o.asOf) - Date.parse(o.from)) / 86_400_000);
  let made = 0;
  let pending: unknown[][] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    sqlite.transaction(() => {
      for (const row of rows) insert.run(...row);
    })();
    await o.progress?.(made, o.count);
  };
  const add = async (person: Person, day: string, kind: string, channel: string, staff: number, vacancyId: number | null, content: string, outcome: string | null) => {
    const at = new Date(officeInstant(day, 8 * 60 + 40 + Math.floor(r() * 520))).toISOString();
    pending.push([person.id, day, kind, channel, staff, vacancyId, content, outcome, at, at, staff, staff, 1]);
    made += 1;
    if (pending.length >= 20_000) await flush();
  };
  /** A working day in [earliest, asOf], or null when the person's record is younger than that. */
  const dayAfter = (earliest: string): string | null => {
    const start = earliest > o.from ? earliest : o.from;
    const room = Math.round((Date.parse(o.asOf) - Date.parse(start)) / 86_400_000);
    if (room < 3) return null;
    const day = weekdayOnOrBefore(addDays(start, 2 + Math.floor(r() * Math.min(room - 2, span))));
    return day < start ? null : day;
  };

  // Campaigns, twice over the two years where the month comes round again, capped at 45% of the total.
  const campaignBudget = Math.round(o.count * 0.45);
  const sender = o.frontDesk[0]!;
  for (let year = Number(o.from.slice(0, 4)); year <= Number(o.asOf.slice(0, 4)) && made < campaignBudget; year += 1) {
    for (const campaign of CAMPAIGNS) {
      const day = weekdayOnOrBefore(`${year}-${String(campaign.month).padStart(2, '0')}-10`);
      if (day < o.from || day > o.asOf) continue;
      const reach = (o.count * 0.45) / (CAMPAIGNS.length * 2);
      let sent = 0;
      for (const p of people) {
        if (sent >= reach || made >= campaignBudget) break;
        if (p.createdOn > day || age(p, day) < 16 || age(p, day) > 63 || !campaign.who(p, day) || r() > 0.6) continue;
        await add(p, day, 'policy_info', r() < 0.7 ? 'sms' : 'wechat', sender, null, campaign.name, null);
        sent += 1;
      }
    }
  }

  // Counseling, referrals and training advice for working-age people who are not at work, a few each.
  const seekers = people.filter((p) => p.status !== 'employed' && p.status !== 'retired' && age(p, o.asOf) >= 16 && age(p, o.asOf) <= 60);
  const kinds = new Weighted<'counseling' | 'job_referral' | 'training_referral' | 'other'>([['counseling', 38], ['job_referral', 40], ['training_referral', 15], ['other', 7]]);
  for (let guard = 0; made < o.count && seekers.length > 0 && guard < o.count * 4; guard += 1) {
    const person = pick(seekers);
    const day = dayAfter(person.createdOn);
    if (!day) continue;
    const kind = kinds.pick(r);
    const staff = r() < 0.75 ? pick(o.counselors) : pick(o.frontDesk);
    if (kind === 'job_referral') {
      // A vacancy open on the day (the list is in order of validity start): the last ones started by then.
      let lo = 0;
      let hi = vacancies.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (vacancies[mid]!.validFrom <= day) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) continue;
      const vacancy = vacancies[Math.max(0, lo - 1 - Math.floor(r() * Math.min(lo, 300)))]!;
      if (vacancy.validTo < day) continue;
      const outcome = day < addDays(o.asOf, -20) ? REFERRAL_OUTCOMES.pick(r) : '待反馈';
      await add(person, day, 'job_referral', r() < 0.6 ? 'visit' : 'phone', staff, vacancy.id, `推荐岗位：${vacancy.title}`, outcome);
    } else if (kind === 'counseling') {
      await add(person, day, 'counseling', r() < 0.7 ? 'visit' : 'phone', staff, null, pick(COUNSELING), r() < 0.5 ? '已明确求职方向' : null);
    } else if (kind === 'training_referral') {
      await add(person, day, 'training_referral', r() < 0.5 ? 'visit' : 'wechat', staff, null, pick(TRAINING), r() < 0.4 ? '已报名' : null);
    } else {
      await add(person, day, 'other', 'phone', staff, null, '电话回访了解近期求职情况', null);
    }
  }
  await flush();
  o.log(`contacts: ${made} (${people.length} persons, ${vacancies.length} vacancies)`);
  return made;
}
