/**
 * 零工匹配: which registered gig workers fit a short-job demand, best first,
 * and why, in Chinese.
 *
 * The score is built only from skill, area and availability. The types below
 * carry nothing else on purpose: sex, age, ethnicity and marital status never
 * reach this function, so they cannot move a rank (就业促进法 第三章, 公平就业).
 *
 * Two things are filters, not weights: a worker who does not work on the
 * demand's weekday, and one already dispatched to a demand at the same time,
 * is left out and named with the reason.
 */
import { DAY_PARTS, WEEKDAYS, dayPartsOf, gigLabel, overlaps, weekdayOf, type DayPart, type GigWhen, type Weekday } from './gig';

export const GIG_MATCH_WEIGHTS = { skill: 50, area: 30, availability: 20 } as const;

export interface GigMatchDemand extends GigWhen {
  /** Skills asked for (free tags); may be empty. */
  skills: readonly string[];
  /** 职业分类大典 code when known (X-XX-XX-XX or a prefix). */
  occupationCode: string | null;
  task: string;
  townshipCode: string;
  townshipName: string | null;
}

export interface GigMatchWorker {
  workerId: number;
  skills: readonly string[];
  occupationCode: string | null;
  townshipCode: string;
  townshipName: string | null;
  availableDays: readonly Weekday[];
  dayParts: readonly DayPart[];
  /** Demands the worker is already dispatched to (not cancelled). */
  busy: readonly (GigWhen & { task: string })[];
}

export interface GigMatch {
  workerId: number;
  /** 0–100. */
  score: number;
  /** One sentence per factor, in the order skill, area, availability. */
  reasons: string[];
}

export interface GigMatchResult {
  ranked: GigMatch[];
  excluded: { workerId: number; reason: string }[];
}

const normalise = (tag: string) => tag.trim().toLowerCase();

function skillFit(demand: GigMatchDemand, worker: GigMatchWorker): { points: number; reason: string } {
  const workerTags = worker.skills.map(normalise).filter(Boolean);
  const asked = demand.skills.map(normalise).filter(Boolean);
  const shared = asked.filter((a) => workerTags.some((w) => w === a || w.includes(a) || a.includes(w)));
  if (asked.length > 0 && shared.length === asked.length) return { points: GIG_MATCH_WEIGHTS.skill, reason: `技能相符：${shared.join('、')}` };
  if (demand.occupationCode && worker.occupationCode) {
    if (worker.occupationCode.startsWith(demand.occupationCode) || demand.occupationCode.startsWith(worker.occupationCode)) {
      return { points: GIG_MATCH_WEIGHTS.skill, reason: `职业相符（${worker.occupationCode}）` };
    }
  }
  if (shared.length > 0) {
    return { points: Math.round((GIG_MATCH_WEIGHTS.skill * shared.length) / asked.length), reason: `部分技能相符：${shared.join('、')}（需要${asked.join('、')}）` };
  }
  const task = normalise(demand.task);
  const inTask = workerTags.filter((w) => task.includes(w));
  if (inTask.length > 0) return { points: Math.round(GIG_MATCH_WEIGHTS.skill * 0.6), reason: `技能与任务相关：${inTask.join('、')}` };
  return { points: 0, reason: asked.length > 0 ? `技能不符（需要${asked.join('、')}）` : '需求未写明技能' };
}

function areaFit(demand: GigMatchDemand, worker: GigMatchWorker): { points: number; reason: string } {
  if (worker.townshipCode === demand.townshipCode) return { points: GIG_MATCH_WEIGHTS.area, reason: `同在${demand.townshipName ?? '本乡镇'}` };
  return { points: 0, reason: `住在${worker.townshipName ?? '其他乡镇'}，不在${demand.townshipName ?? '用工乡镇'}` };
}

function availabilityFit(demand: GigMatchDemand, worker: GigMatchWorker): { points: number; reason: string } {
  const needed = dayPartsOf(demand.startTime, demand.endTime);
  const covered = needed.filter((p) => worker.dayParts.includes(p));
  const names = (parts: readonly DayPart[]) => parts.map((p) => gigLabel(DAY_PARTS, p)).join('、');
  if (covered.length === needed.length) return { points: GIG_MATCH_WEIGHTS.availability, reason: `${gigLabel(WEEKDAYS, weekdayOf(demand.workDate))}${names(needed)}有空` };
  if (covered.length > 0) return { points: Math.round((GIG_MATCH_WEIGHTS.availability * covered.length) / needed.length), reason: `只有${names(covered)}有空（需要${names(needed)}）` };
  return { points: 0, reason: `${names(needed)}通常没空` };
}

/** The workers who can take the demand, best first (ties by registration order), and the ones left out with why. */
export function rankGigWorkers(demand: GigMatchDemand, workers: readonly GigMatchWorker[]): GigMatchResult {
  const weekday = weekdayOf(demand.workDate);
  const ranked: GigMatch[] = [];
  const excluded: GigMatchResult['excluded'] = [];
  for (const worker of workers) {
    const clash = worker.busy.find((b) => overlaps(b, demand));
    if (clash) {
      excluded.push({ workerId: worker.workerId, reason: `已派往“${clash.task}”（${clash.startTime}–${clash.endTime}），时间重叠` });
      continue;
    }
    if (!worker.availableDays.includes(weekday)) {
      excluded.push({ workerId: worker.workerId, reason: `${gigLabel(WEEKDAYS, weekday)}不接零工` });
      continue;
    }
    const fits = [skillFit(demand, worker), areaFit(demand, worker), availabilityFit(demand, worker)];
    ranked.push({ workerId: worker.workerId, score: fits.reduce((sum, f) => sum + f.points, 0), reasons: fits.map((f) => f.reason) });
  }
  ranked.sort((a, b) => b.score - a.score || a.workerId - b.workerId);
  return { ranked, excluded };
}
