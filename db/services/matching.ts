import type { MatchFilterReport, ParsedInputOf, PersonMatch, PersonMatches, VacancyMatch, VacancyMatches } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/masking';
import {
  MATCH_WEIGHTS, educationCodesMeeting, educationName, failsEducation, matchPoints, matchScore, occupationGroupName, occupationGroupOf, topRanked,
  type MatchSeeker, type MatchVacancy, type Ranked,
} from '../../shared/domain/matching';
import { EDUCATION_LEVELS } from '../../shared/domain/code-tables';
import { vacancyStatusOn } from '../../shared/domain/vacancy';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { MATCHING_SQL, prefixRange } from '../queries/matching';
import { cachedStatement } from '../statements';
import { divisionNames } from './person-view';

/** How many results a ranking shows. */
export const MATCH_LIMIT = 20;
/** How many of those a filter removed are named. */
const EXAMPLES = 10;

interface ScoredVacancyRow extends Omit<MatchVacancy, 'townshipName'> {
  id: number;
  validTo: string;
  enterpriseId: number;
}

interface VacancyRow extends ScoredVacancyRow {
  title: string;
  enterpriseName: string;
}

interface SeekerRow extends MatchSeeker {
  id: number;
}

function floorOf(ranked: Ranked<unknown>[]): number {
  return ranked.length === MATCH_LIMIT ? ranked[MATCH_LIMIT - 1]!.score : -1;
}

/** Everything but the occupation: its 60 points. */
const OTHER_MAX = MATCH_WEIGHTS.place + MATCH_WEIGHTS.pay + MATCH_WEIGHTS.education;

/**
 * One read of candidates: its code ranges (each tier's cover every tier before it), and
 * the most any candidate outside all tiers so far can score (shared/domain/matching.ts:
 * the same 中类 earns 30 of the occupation's 40 points, the same group 15). Once the list
 * is full above that, nothing left can enter it.
 */
interface Tier {
  ranges: Array<[string, string]>;
  restMax: number;
  label: string;
}

/** The one code `c` as a range. */
const only = (c: string): [string, string] => [c, `${c}-`];

/**
 * The tiers for ranking by `code` (the vacancy's, or the person's intention) within `whole`:
 * full occupation points first, then the rest of its 中类, then the whole group.
 */
function tiersFor(side: 'seekers' | 'vacancies', code: string | null, whole: [string, string]): Tier[] {
  const group = occupationGroupOf(code);
  if (!code || !group || code.length < 4) return [{ ranges: [whole], restMax: 100, label: '' }];
  const middle: Tier = { ranges: [prefixRange(code.slice(0, 4)), only(group)], restMax: OTHER_MAX + 15, label: `中类 ${code.slice(0, 4)}` };
  const last: Tier = { ranges: [whole], restMax: 100, label: '' };
  if (code.length === 4) return [middle, last];
  // Persons whose intention is the vacancy's code or a coarser code of it; vacancies under the person's code.
  const exact = side === 'seekers' ? [code, code.slice(0, 4), group].map(only) : [prefixRange(code)];
  return [{ ranges: exact, restMax: OTHER_MAX + 30, label: `职业代码与 ${code} 一致的` }, middle, last];
}

/** When the first tiers sufficed, the scope says what was not read and why. */
function skippedNote(tiers: Tier[], lastTier: number): string {
  const tier = tiers[lastTier]!;
  return lastTier + 1 < tiers.length ? `（只读取了${tier.label}：其余最高 ${tier.restMax} 分，进不了前 ${MATCH_LIMIT} 名）` : '';
}

function requirementRule(educationCode: string): string {
  return `学历要求：${educationName(educationCode)}及以上`;
}

function seekerBasis(p: MatchSeeker, names: Map<string, string>): string[] {
  const pay = p.payMinFen != null || p.payMaxFen != null ? `期望月薪 ${p.payMinFen != null ? `${p.payMinFen / 100}元` : ''}${p.payMaxFen != null ? `–${p.payMaxFen / 100}元` : '起'}` : '未登记期望月薪';
  return [
    p.occupationCode ? `求职意向（职业）：${p.occupationCode}` : '未登记求职意向（职业）',
    p.intendedPlace ? `期望工作地点：${p.intendedPlace}` : `居住乡镇：${(p.townshipCode && names.get(p.townshipCode)) || '未登记'}`,
    pay,
    `学历：${educationName(p.educationCode)}`,
  ];
}

/** 人岗匹配 for a person: the open vacancies of the intended occupation group, best first, each with its reasons. */
export function forPerson(ctx: ServiceContext, input: ParsedInputOf<'matching.forPerson'>): VacancyMatches {
  const { sqlite } = ctx.database();
  const person = cachedStatement(sqlite, MATCHING_SQL.person).get(input.personId) as (SeekerRow & { name: string; mergedIntoId: number | null }) | undefined;
  if (!person) throw fieldError('personId', `没有编号为 ${input.personId} 的人员档案`, '求职者');
  if (person.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person.mergedIntoId} 的档案，请在保留的档案上匹配`);
  const names = divisionNames(ctx);
  const group = occupationGroupOf(person.occupationCode);
  const wanted = person.occupationCode;
  // Requirements the person's education falls below: excluded in SQL, counted apart.
  const failing = JSON.stringify(EDUCATION_LEVELS.map(([code]) => code).filter((code) => failsEducation(person.educationCode, code)));
  const whole: [string, string] = group ? prefixRange(group) : ['1', '9'];
  const tiers = tiersFor('vacancies', wanted, whole);
  const candidates: ScoredVacancyRow[] = [];
  const seen = new Set<number>();
  const asVacancy = (v: ScoredVacancyRow): MatchVacancy => ({ ...v, townshipName: v.townshipCode ? (names.get(v.townshipCode) ?? null) : null });
  const statement = cachedStatement(sqlite, MATCHING_SQL.vacanciesInRange);
  let ranked: Ranked<ScoredVacancyRow>[] = [];
  let lastTier = 0;
  for (const [index, { ranges, restMax }] of tiers.entries()) {
    lastTier = index;
    for (const [from, to] of ranges) {
      for (const v of statement.all(from, to, ctx.today, ctx.today, failing) as ScoredVacancyRow[]) {
        if (seen.has(v.id)) continue;
        seen.add(v.id);
        candidates.push(v);
      }
    }
    ranked = topRanked(candidates, (v) => matchPoints(person, asVacancy(v)), (v) => matchScore(person, asVacancy(v)), (v) => v.id, MATCH_LIMIT);
    if (index + 1 < tiers.length && floorOf(ranked) > restMax) break;
  }
  // Removed among the ranges read: the last tier's cover all the tiers before it.
  const readRanges = tiers[lastTier]!.ranges;
  const removedCount = readRanges.reduce((n, range) => n + (cachedStatement(sqlite, MATCHING_SQL.removedVacancies).get(...range, ctx.today, ctx.today, failing) as { n: number }).n, 0);
  const removedNames = removedCount === 0 ? [] : readRanges.flatMap((range) => cachedStatement(sqlite, MATCHING_SQL.removedVacancyNames).all(...range, ctx.today, ctx.today, failing, EXAMPLES) as Array<{ title: string; enterpriseName: string; educationCode: string }>).slice(0, EXAMPLES);
  // Titles and employers only for the vacancies shown.
  const named = new Map(
    (cachedStatement(sqlite, MATCHING_SQL.vacancyNames).all(JSON.stringify(ranked.map((r) => r.item.id))) as Array<{ id: number; title: string; enterpriseName: string }>).map((v) => [v.id, v]),
  );
  const nameOf = (id: number) => named.get(id) ?? { title: '', enterpriseName: '' };
  const filters: MatchFilterReport[] = removedCount === 0 ? [] : [{
    filter: 'education', label: '学历要求', rule: `本人学历（${educationName(person.educationCode)}）低于岗位的学历要求`, removed: removedCount,
    examples: removedNames.map((v) => `${v.title}（${v.enterpriseName}，要求${educationName(v.educationCode)}及以上）`),
  }];
  return {
    items: ranked.map(({ item: v, score, reasons }): VacancyMatch => ({
      vacancyId: v.id, title: nameOf(v.id).title, enterpriseId: v.enterpriseId, enterpriseName: nameOf(v.id).enterpriseName, occupationCode: v.occupationCode,
      townshipName: asVacancy(v).townshipName, salaryMinFen: v.salaryMinFen, salaryMaxFen: v.salaryMaxFen, validTo: v.validTo, score, reasons,
    })),
    basis: seekerBasis(person, names),
    scope: (group ? `在招岗位中职业属于求职意向大类“${occupationGroupName(group)}”的` : '全部在招岗位（未登记求职意向）') + skippedNote(tiers, lastTier),
    filters,
    considered: candidates.length,
  };
}

/** 人岗匹配 for a vacancy: the registered jobseekers of its occupation group, best first, each with its reasons. */
export function forVacancy(ctx: ServiceContext, input: ParsedInputOf<'matching.forVacancy'>): PersonMatches {
  const { sqlite } = ctx.database();
  const row = cachedStatement(sqlite, MATCHING_SQL.vacancy).get(input.vacancyId) as (VacancyRow & { status: 'open' | 'filled' | 'withdrawn'; validFrom: string }) | undefined;
  if (!row) throw fieldError('vacancyId', `没有编号为 ${input.vacancyId} 的岗位`, '岗位');
  const names = divisionNames(ctx);
  const vacancy: MatchVacancy = { ...row, townshipName: row.townshipCode ? (names.get(row.townshipCode) ?? null) : null };
  const group = occupationGroupOf(row.occupationCode)!;
  // Codes with a known education below the requirement: excluded in SQL, counted apart.
  const meeting = educationCodesMeeting(row.educationCode);
  const failing = JSON.stringify(meeting === null ? [] : EDUCATION_LEVELS.map(([code]) => code).filter((code) => failsEducation(code, row.educationCode)));
  const tiers = tiersFor('seekers', row.occupationCode, prefixRange(group));
  const seen = new Set<number>();
  const candidates: SeekerRow[] = [];
  const seekers = cachedStatement(sqlite, MATCHING_SQL.seekersInRange);
  let ranked: Ranked<SeekerRow>[] = [];
  let lastTier = 0;
  for (const [index, { ranges, restMax }] of tiers.entries()) {
    lastTier = index;
    for (const [from, to] of ranges) {
      for (const p of seekers.iterate(from, to, failing) as Iterable<SeekerRow>) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        candidates.push(p);
      }
    }
    ranked = topRanked(candidates, (p) => matchPoints(p, vacancy), (p) => matchScore(p, vacancy), (p) => p.id, MATCH_LIMIT);
    if (index + 1 < tiers.length && floorOf(ranked) > restMax) break;
  }
  // Removed among the ranges read: the last tier's cover all the tiers before it.
  const readRanges = tiers[lastTier]!.ranges;
  const removedCount = meeting === null ? 0 : readRanges.reduce((n, range) => n + (cachedStatement(sqlite, MATCHING_SQL.removedSeekers).get(...range, failing) as { n: number }).n, 0);
  const filters: MatchFilterReport[] = removedCount === 0 ? [] : [{
    filter: 'education', label: '学历要求', rule: requirementRule(row.educationCode!), removed: removedCount,
    examples: readRanges.flatMap((range) => cachedStatement(sqlite, MATCHING_SQL.removedSeekerNames).all(...range, failing, EXAMPLES) as { name: string }[]).slice(0, EXAMPLES).map((p) => p.name),
  }];
  const status = vacancyStatusOn(row.status, row.validTo, ctx.today);
  // Names and phones only for the persons shown.
  const shown = new Map((cachedStatement(sqlite, MATCHING_SQL.seekerNames).all(JSON.stringify(ranked.map((r) => r.item.id))) as Array<{ id: number; name: string; phone: string | null }>).map((p) => [p.id, p]));
  return {
    items: ranked.map(({ item: p, score, reasons }): PersonMatch => ({
      personId: p.id, name: shown.get(p.id)?.name ?? '', phoneMasked: shown.get(p.id)?.phone ? maskPhone(shown.get(p.id)!.phone!) : null, townshipName: p.townshipCode ? (names.get(p.townshipCode) ?? null) : null,
      educationLabel: educationName(p.educationCode), occupationCode: p.occupationCode, score, reasons,
    })),
    basis: [
      `岗位职业：${row.occupationCode}`, `工作地点：${vacancy.townshipName ?? row.workPlace ?? '未登记'}`,
      row.salaryMinFen != null || row.salaryMaxFen != null ? `月薪 ${row.salaryMinFen != null ? `${row.salaryMinFen / 100}元` : ''}${row.salaryMaxFen != null ? `–${row.salaryMaxFen / 100}元` : '起'}` : '月薪面议',
      row.educationCode ? requirementRule(row.educationCode) : '学历不限',
      ...(status === 'open' ? [] : [`注意：岗位当前${status === 'expired' ? '已过期' : status === 'filled' ? '已招满' : '已撤回'}`]),
    ],
    scope: `登记失业或未就业、求职意向属于大类“${occupationGroupName(group)}”的人员${skippedNote(tiers, lastTier)}`,
    filters,
    considered: candidates.length,
  };
}
