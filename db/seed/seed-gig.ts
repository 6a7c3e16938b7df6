/**
 * Four weeks of the 零工市场 in the demo county, as timeline steps through the
 * router: three dozen gig workers registered from the registry four weeks
 * before the seed's day, then every day two to four short jobs posted by
 * households and enterprises in five townships, the best-ranked workers
 * dispatched half an hour later (now and then one short), and — late on the
 * work day — the jobs completed and rated by both sides. The seed's own
 * day keeps its demands open, so the station screen has work to show.
 */
import type Database from 'better-sqlite3';
import type { GigDemandView, GigMatchesView } from '../../shared/contract';
import { addDays, officeInstant, type SeedDriver, type Step } from './driver';

const STAFF = 'qiantai';
const DAYS = 28;
const WORKERS = 36;
const SKILLS = ['保洁', '搬运', '水电维修', '护理', '理货', '缝纫', '做饭', '帮厨', '园艺', '家电清洗'];
const CONTACTS = ['王阿姨', '李先生', '陈女士', '张师傅', '周阿姨', '吴先生', '徐女士', '孙老师'];

interface Job { task: string; skills: string[]; source: 'household' | 'enterprise'; startTime: string; endTime: string; payFen: number; payUnit: 'day' | 'hour' | 'piece'; people: [number, number] }
const JOBS: Job[] = [
  { task: '家庭保洁', skills: ['保洁'], source: 'household', startTime: '08:00', endTime: '12:00', payFen: 3000, payUnit: 'hour', people: [1, 1] },
  { task: '搬家搬运', skills: ['搬运'], source: 'household', startTime: '09:00', endTime: '15:00', payFen: 25000, payUnit: 'day', people: [1, 2] },
  { task: '水电维修', skills: ['水电维修'], source: 'household', startTime: '14:00', endTime: '17:00', payFen: 4000, payUnit: 'hour', people: [1, 1] },
  { task: '老人陪护', skills: ['护理'], source: 'household', startTime: '13:00', endTime: '19:00', payFen: 20000, payUnit: 'day', people: [1, 1] },
  { task: '仓库理货', skills: ['搬运', '理货'], source: 'enterprise', startTime: '08:00', endTime: '17:00', payFen: 18000, payUnit: 'day', people: [2, 4] },
  { task: '展会布展', skills: ['搬运'], source: 'enterprise', startTime: '18:00', endTime: '22:00', payFen: 3500, payUnit: 'hour', people: [2, 3] },
  { task: '服装锁边（计件）', skills: ['缝纫'], source: 'enterprise', startTime: '08:30', endTime: '16:30', payFen: 80, payUnit: 'piece', people: [1, 2] },
  { task: '食堂帮厨', skills: ['帮厨'], source: 'enterprise', startTime: '10:00', endTime: '14:00', payFen: 2500, payUnit: 'hour', people: [1, 2] },
  { task: '厂区绿化修剪', skills: ['园艺'], source: 'enterprise', startTime: '07:30', endTime: '11:30', payFen: 15000, payUnit: 'day', people: [1, 2] },
];

export function planGig(driver: SeedDriver, sqlite: Database.Database, o: { random: () => number; asOf: string; townshipCodes: string[] }): Step[] {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const from = addDays(o.asOf, -DAYS);
  const areas = o.townshipCodes.slice(0, 5);
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };

  at(from, 8 * 60 + 40, () => {
    // Working-age persons on the registry by then, in the five townships, each once.
    const people = sqlite.prepare(
      `select id, residence_township_code as township from persons where merged_into_id is null and employment_status != 'retired'
         and birth_date between ? and ? and substr(created_at, 1, 10) <= ? order by id limit 4000`,
    ).all(`${Number(o.asOf.slice(0, 4)) - 55}${o.asOf.slice(4)}`, `${Number(o.asOf.slice(0, 4)) - 20}${o.asOf.slice(4)}`, from) as { id: number; township: string | null }[];
    const step = Math.max(1, Math.floor(people.length / WORKERS));
    for (let i = 0; i < people.length && i / step < WORKERS; i += step) {
      const person = people[i]!;
      const skills = [...new Set([pick(SKILLS), pick(SKILLS), ...(r() < 0.4 ? [pick(SKILLS)] : [])])];
      const allWeek = r() < 0.5;
      driver.call(STAFF, 'gig.registerWorker', {
        personId: person.id, skills, availableDays: allWeek ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6, 7].filter((d) => d === 6 || r() < 0.7),
        dayParts: r() < 0.6 ? ['morning', 'afternoon'] : r() < 0.5 ? ['morning', 'afternoon', 'evening'] : ['afternoon', 'evening'],
        townshipCode: person.township && areas.includes(person.township) ? person.township : pick(areas), contactConsent: r() < 0.92,
      });
    }
  });

  for (let day = addDays(from, 1); day <= o.asOf; day = addDays(day, 1)) {
    const posted = day === o.asOf ? 3 : between(2, 4);
    for (let n = 0; n < posted; n += 1) {
      const job = pick(JOBS);
      const workDate = day === o.asOf ? day : addDays(day, between(0, 2) > 1 ? 1 : 0);
      const people = between(job.people[0], job.people[1]);
      const township = pick(areas);
      const household = { contactName: pick(CONTACTS), contactPhone: `139${String(between(10_000_000, 99_999_999))}` };
      const shortOne = r() < 0.15;
      const completes = r() < 0.9;
      const ratings = { worker: r() < 0.9 ? pick([5, 5, 5, 4, 4, 3]) : null, demand: r() < 0.85 ? pick([5, 5, 4, 4, 3]) : null };
      let demand: GigDemandView | null = null;
      at(day, 9 * 60 + n * 7, () => {
        const enterprise = job.source === 'enterprise'
          ? (sqlite.prepare("select id, township_code as township from enterprises where status = 'active' order by id limit 1 offset ?").get(between(0, 29)) as { id: number; township: string | null } | undefined)
          : undefined;
        if (job.source === 'enterprise' && !enterprise) return;
        demand = driver.call<GigDemandView>(STAFF, 'gig.postDemand', {
          source: job.source, enterpriseId: enterprise?.id ?? null, ...(job.source === 'household' ? household : {}), task: job.task, skills: job.skills,
          townshipCode: township, address: job.source === 'household' ? `${between(1, 40)}幢${between(1, 6)}0${between(1, 4)}室` : `工业园${between(1, 99)}号`,
          workDate, startTime: job.startTime, endTime: job.endTime, payFen: job.payFen, payUnit: job.payUnit, peopleNeeded: people,
        });
      });
      at(day, 9 * 60 + 30 + n * 7, () => {
        if (!demand) return;
        const found = driver.call<GigMatchesView>(STAFF, 'gig.matches', { demandId: demand.id });
        const chosen = (found?.ranked ?? []).filter((m) => m.score >= 50).slice(0, shortOne ? people - 1 : people);
        for (const m of chosen) demand = driver.call<GigDemandView>(STAFF, 'gig.dispatch', { demandId: demand!.id, workerId: m.workerId }) ?? demand;
      });
      if (workDate < o.asOf && completes) {
        at(workDate, 22 * 60 + 30 + n * 7, () => {
          for (const d of demand?.dispatches ?? []) {
            const done = driver.call<GigDemandView>(STAFF, 'gig.complete', { dispatchId: d.id, version: d.version });
            let row = done?.dispatches.find((x) => x.id === d.id);
            for (const side of ['worker', 'demand'] as const) {
              const rating = ratings[side];
              if (!row || rating === null) continue;
              row = driver.call<GigDemandView>(STAFF, 'gig.rate', { dispatchId: row.id, version: row.version, side, rating })?.dispatches.find((x) => x.id === d.id);
            }
          }
        });
      }
    }
  }
  return steps;
}
