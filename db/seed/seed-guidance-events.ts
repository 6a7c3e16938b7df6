/**
 * A year of 团体指导 in the seed: every third week a 讲座, 工作坊 or 职业体验
 * planned by the counselor a week ahead, with people signed in at the door by
 * the front desk on the day; and 满意度 beyond sessions — each month the front
 * desk takes ratings of some decided window cases and fair check-ins of that
 * month (by phone, as the citizens are no longer at the window).
 */
import type Database from 'better-sqlite3';
import type { GuidanceEventView } from '../../shared/contract';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

const COUNSELOR = 'zhidao';
const FRONT_DESK = 'qiantai';
const EVENTS = [
  ['lecture', '求职技巧讲座：简历与面试', '人力资源市场三楼报告厅'],
  ['lecture', '就业创业政策宣讲会', '人力资源市场三楼报告厅'],
  ['workshop', '职业规划工作坊', '就业服务中心培训室'],
  ['workshop', '创业意识（SYB）体验工作坊', '创业孵化基地'],
  ['job_experience', '走进智能制造企业：职业体验日', '县经济开发区'],
  ['job_experience', '养老护理岗位职业体验', '县社会福利中心'],
] as const;
const RATINGS = [5, 5, 5, 4, 4, 4, 3, 2];
const COMMENTS = ['办事很快', '工作人员很耐心', '材料一次说清楚了', '排队时间长', null, null];

export function planGuidanceEvents(driver: SeedDriver, sqlite: Database.Database, o: { random: () => number; asOf: string; persons: number }): Step[] {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const from = addDays(o.asOf, -365);
  // People of working age on file by the event's day, signed in by their ID numbers as a reader types them.
  const pool = sqlite.prepare(
    `select p.id_number as idNumber from persons p
     where p.merged_into_id is null and substr(p.created_at, 1, 10) < ? and p.birth_date between ? and ?
       and not exists (select 1 from person_deaths d where d.person_id = p.id)
     order by p.id limit 400`,
  );
  const steps: Step[] = [];
  let index = 0;
  for (let day = weekdayOnOrBefore(addDays(from, 10)); day <= o.asOf; day = weekdayOnOrBefore(addDays(day, 21))) {
    const [kind, title, place] = EVENTS[index % EVENTS.length]!;
    index += 1;
    const planned = weekdayOnOrBefore(addDays(day, -7));
    const attendees = 8 + Math.floor(r() * 18);
    const offset = Math.floor(r() * 1_000_000);
    const state: { event?: GuidanceEventView | null } = {};
    const input = { kind, title, eventDate: day, startTime: r() < 0.5 ? '09:30' : '14:30', endTime: null, place, capacity: 40, notes: null };
    if (planned >= from) steps.push({ at: officeInstant(planned, 10 * 60), run: () => { state.event = driver.call<GuidanceEventView>(COUNSELOR, 'guidance.createEvent', input); } });
    steps.push({
      at: officeInstant(day, input.startTime === '09:30' ? 9 * 60 + 20 : 14 * 60 + 20),
      run: () => {
        if (!state.event) return;
        const year = Number(day.slice(0, 4));
        const people = pool.all(day, `${year - 55}${day.slice(4)}`, `${year - 18}${day.slice(4)}`) as { idNumber: string }[];
        const chosen = new Set<string>();
        for (let i = 0; i < attendees && people.length > 0; i += 1) chosen.add(people[(offset + i * 37) % people.length]!.idNumber);
        for (const idNumber of chosen) driver.call(FRONT_DESK, 'guidance.eventCheckIn', { eventId: state.event.id, idNumber });
      },
    });
  }

  // Ratings of window cases and fair check-ins, month by month, of services not rated yet.
  const decided = sqlite.prepare(
    `select c.id from cases c where c.person_id is not null and c.state in ('approved', 'rejected') and c.updated_at between ? and ?
       and not exists (select 1 from satisfaction_ratings s where s.service_type = 'window_case' and s.service_id = c.id) order by c.id limit 12`,
  );
  const checkIns = sqlite.prepare(
    `select a.id from fair_attendances a where a.checked_in_at between ? and ?
       and not exists (select 1 from satisfaction_ratings s where s.service_type = 'fair_attendance' and s.service_id = a.id) order by a.id limit 8`,
  );
  for (let day = weekdayOnOrBefore(addDays(from, 30)); day <= o.asOf; day = weekdayOnOrBefore(addDays(day, 30))) {
    const since = `${addDays(day, -30)}T00:00:00.000Z`;
    const until = `${addDays(day, -1)}T23:59:59.999Z`;
    const rolls = Array.from({ length: 20 }, () => ({ rating: pick(RATINGS), comment: pick(COMMENTS), take: r() < 0.5 }));
    steps.push({
      at: officeInstant(day, 16 * 60 + 30),
      run: () => {
        const services = [
          ...(decided.all(since, until) as { id: number }[]).map((c) => ({ serviceType: 'window_case', serviceId: c.id })),
          ...(checkIns.all(since, until) as { id: number }[]).map((a) => ({ serviceType: 'fair_attendance', serviceId: a.id })),
        ];
        services.forEach((service, i) => {
          const roll = rolls[i % rolls.length]!;
          if (roll.take) driver.call(FRONT_DESK, 'satisfaction.rate', { ...service, rating: roll.rating, comment: roll.comment, channel: 'phone' });
        });
      },
    });
  }
  return steps;
}
