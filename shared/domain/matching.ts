/**
 * 人岗匹配: how well a jobseeker and an open vacancy fit, and why, in words.
 *
 * The score is built only from what the person wants and has (the registered
 * 求职意向: occupation, place and pay; education) and what the vacancy offers
 * and lawfully asks. The types below carry nothing else on purpose: sex,
 * ethnicity, age and marital status never reach this function, so they cannot
 * move a score (就业促进法 第三章, 公平就业).
 *
 * A vacancy's own stated education requirement is a filter, not a weight: a
 * person below it is removed and the caller reports how many, and whom.
 */
import { EDUCATION_LEVELS } from './code-tables';
import { OCCUPATION_GROUPS, labelOf } from './enterprise-codes';

export interface MatchSeeker {
  /** 职业分类大典 2022 code (X-XX-XX-XX, or a prefix), null when not registered. */
  occupationCode: string | null;
  /** Where the person lives (乡镇/街道 code). */
  townshipCode: string | null;
  /** The place the person wants to work, in words (期望工作地点). */
  intendedPlace: string | null;
  payMinFen: number | null;
  payMaxFen: number | null;
  /** GB/T 4658 code. */
  educationCode: string | null;
}

export interface MatchVacancy {
  occupationCode: string;
  /** The employer's township. */
  townshipCode: string | null;
  townshipName: string | null;
  workPlace: string | null;
  salaryMinFen: number | null;
  salaryMaxFen: number | null;
  /** The lowest education the vacancy asks for (GB/T 4658), null = 不限. */
  educationCode: string | null;
}

export interface MatchScore {
  /** 0–100. */
  score: number;
  /** Why, one Chinese sentence per factor, strongest first. */
  reasons: string[];
}

/** The filters a vacancy's lawful requirements apply; the only ones there are. */
export const MATCH_FILTERS = [['education', '学历要求']] as const;
export type MatchFilter = (typeof MATCH_FILTERS)[number][0];

export const MATCH_WEIGHTS = { occupation: 40, place: 25, pay: 20, education: 15 } as const;

/** Higher is more schooling; 中职 and 普通高中 are the same stage. Unknown (其他, null) is null. */
export function educationRank(code: string | null | undefined): number | null {
  if (!code) return null;
  const head = code.slice(0, 1);
  const ranks: Record<string, number> = { '1': 7, '2': 6, '3': 5, '4': 4, '6': 4, '7': 2, '8': 1 };
  return ranks[head] ?? null;
}

export function educationName(code: string | null | undefined): string {
  return labelOf(EDUCATION_LEVELS, code ?? null) || '未登记';
}

/** Every stored education code that meets `required` (for the SQL prefilter), or null when anything does. */
export function educationCodesMeeting(required: string | null): string[] | null {
  const need = educationRank(required);
  if (need === null) return null;
  return EDUCATION_LEVELS.map(([code]) => code).filter((code) => (educationRank(code) ?? -1) >= need);
}

/** Whether a vacancy's education requirement removes the person (an unregistered education is kept, to be checked). */
export function failsEducation(seekerEducation: string | null, required: string | null): boolean {
  const need = educationRank(required);
  const has = educationRank(seekerEducation);
  return need !== null && has !== null && has < need;
}

export function occupationGroupOf(code: string | null | undefined): string | null {
  return code && /^[1-8]/.test(code) ? code.slice(0, 1) : null;
}

export function occupationGroupName(group: string): string {
  return labelOf(OCCUPATION_GROUPS, group);
}

function yuan(fen: number): string {
  return `${Math.round(fen / 100)}元`;
}

function payRange(min: number | null, max: number | null): string {
  if (min != null && max != null) return `${yuan(min)}–${yuan(max)}`;
  if (min != null) return `${yuan(min)}起`;
  return max != null ? `至${yuan(max)}` : '面议';
}

/** Points, and the sentence saying why (made only for results shown). */
type Part = [points: number, why: () => string];

function occupationPart(seeker: MatchSeeker, vacancy: MatchVacancy): Part {
  const wanted = seeker.occupationCode;
  if (!wanted) return [0, () => '未登记求职意向（职业），职业不计分'];
  if (vacancy.occupationCode === wanted || vacancy.occupationCode.startsWith(`${wanted}-`)) return [MATCH_WEIGHTS.occupation, () => `职业与求职意向一致（${vacancy.occupationCode}）`];
  // Same 中类 (X-XX): 40 → 30.
  if (wanted.length >= 4 && vacancy.occupationCode.slice(0, 4) === wanted.slice(0, 4)) return [30, () => `职业与求职意向同属中类 ${wanted.slice(0, 4)}`];
  const group = occupationGroupOf(wanted);
  if (group && occupationGroupOf(vacancy.occupationCode) === group) return [15, () => `职业与求职意向同属大类“${occupationGroupName(group)}”`];
  return [0, () => `职业（${vacancy.occupationCode}）与求职意向（${wanted}）不同类`];
}

function placePart(seeker: MatchSeeker, vacancy: MatchVacancy): Part {
  const wanted = seeker.intendedPlace?.trim() || null;
  const where = vacancy.townshipName ?? vacancy.workPlace ?? '本县';
  if (wanted && ((vacancy.townshipName && wanted.includes(vacancy.townshipName)) || (vacancy.workPlace && (vacancy.workPlace.includes(wanted) || wanted.includes(vacancy.workPlace))))) {
    return [MATCH_WEIGHTS.place, () => `工作地点（${where}）符合期望地点“${wanted}”`];
  }
  if (seeker.townshipCode && vacancy.townshipCode === seeker.townshipCode) return [MATCH_WEIGHTS.place, () => `工作地点在本人居住的乡镇（${where}）`];
  if (!vacancy.townshipCode) return [5, () => '工作地点未登记乡镇'];
  return [10, () => `工作地点在本县其他乡镇（${where}）`];
}

function payPart(seeker: MatchSeeker, vacancy: MatchVacancy): Part {
  const wantMin = seeker.payMinFen;
  const wantMax = seeker.payMaxFen;
  const offerMin = vacancy.salaryMinFen;
  const offerMax = vacancy.salaryMaxFen ?? vacancy.salaryMinFen;
  if (wantMin == null && wantMax == null) return [10, () => '未登记期望月薪'];
  if (offerMin == null && offerMax == null) return [10, () => '岗位月薪面议'];
  const offered = (): string => payRange(offerMin, vacancy.salaryMaxFen);
  const wanted = (): string => payRange(wantMin, wantMax);
  if (wantMin != null && offerMax != null && offerMax < wantMin) return [0, () => `月薪（${offered()}）低于期望（${wanted()}）`];
  if (wantMin != null && offerMin != null && offerMin >= wantMin) return [MATCH_WEIGHTS.pay, () => `月薪（${offered()}）达到期望（${wanted()}）`];
  return [15, () => `月薪（${offered()}）与期望（${wanted()}）部分重合`];
}

function educationPart(seeker: MatchSeeker, vacancy: MatchVacancy): Part {
  const need = educationRank(vacancy.educationCode);
  const has = educationRank(seeker.educationCode);
  if (need === null) return [MATCH_WEIGHTS.education, () => '岗位学历不限'];
  if (has === null) return [5, () => `学历未登记，岗位要求${educationName(vacancy.educationCode)}及以上，需核实`];
  return [MATCH_WEIGHTS.education, () => `学历（${educationName(seeker.educationCode)}）符合岗位要求（${educationName(vacancy.educationCode)}及以上）`];
}

/** The fit of one person and one vacancy the person is not filtered from. */
function parts(seeker: MatchSeeker, vacancy: MatchVacancy): Part[] {
  return [occupationPart(seeker, vacancy), placePart(seeker, vacancy), payPart(seeker, vacancy), educationPart(seeker, vacancy)];
}

/** The score alone, for ranking many candidates. */
export function matchPoints(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return parts(seeker, vacancy).reduce((sum, [points]) => sum + points, 0);
}

/** The fit of one person and one vacancy the person is not filtered from, with its reasons. */
export function matchScore(seeker: MatchSeeker, vacancy: MatchVacancy): MatchScore {
  const all = parts(seeker, vacancy);
  const score = all.reduce((sum, [points]) => sum + points, 0);
  const reasons = all
    .map(([points, why], order) => ({ points, why, order }))
    .sort((a, b) => b.points - a.points || a.order - b.order)
    .map((p) => `${p.why()}（${p.points}分）`);
  return { score, reasons };
}

export interface Ranked<T> extends MatchScore {
  item: T;
}

/**
 * The best `limit` by score; ties go to `tieKey` ascending (the older id first),
 * so the same data always ranks the same way. A partial selection keeps it
 * linear in the number of candidates.
 */
export function topRanked<T>(candidates: Iterable<T>, points: (item: T) => number, explain: (item: T) => MatchScore, tieKey: (item: T) => number, limit: number): Ranked<T>[] {
  const kept: Array<{ item: T; score: number; key: number }> = [];
  let floor = -1;
  for (const item of candidates) {
    // Scores are whole points; a candidate under the current floor cannot enter.
    const s = points(item);
    if (kept.length >= limit && s < floor) continue;
    kept.push({ item, score: s, key: tieKey(item) });
    if (kept.length >= limit * 4) {
      kept.sort((a, b) => b.score - a.score || a.key - b.key);
      kept.length = limit;
      floor = kept[limit - 1]!.score;
    }
  }
  kept.sort((a, b) => b.score - a.score || a.key - b.key);
  return kept.slice(0, limit).map(({ item }) => ({ item, ...explain(item) }));
}
