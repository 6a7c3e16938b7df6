import type { GuidanceGroupCharts, GuidanceGroupMember, ParsedInputOf } from '../../shared/contract';
import { GUIDANCE_BARRIERS, labelOf, type GuidanceBarrier } from '../../shared/domain/guidance';
import { maskIdNumber } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { cachedStatement } from '../statements';

/** Bands of time since the 失业登记 in force was accepted, as the counselor's desk counts them (长期失业 from a year). */
const BANDS: Array<[code: string, maxDays: number, label: string]> = [['m3', 90, '3个月以内'], ['m6', 180, '3–6个月'], ['m12', 365, '6–12个月'], ['y1', Infinity, '1年以上']];

/** The registered unemployed today, with the day registered and the barriers of their latest session. */
const REGISTERED = `select p.id, p.name, p.id_number as idNumber, coalesce(c.accepted_on, substr(c.created_at, 1, 10)) as since,
    (select s.barriers from guidance_sessions s where s.person_id = p.id order by s.session_date desc, s.id desc limit 1) as barriers
  from cases c join persons p on p.id = c.person_id
  where c.case_type = 'unemployment_registration' and c.state = 'approved' and c.ended_on is null and p.merged_into_id is null
  order by since, p.id`;

interface Registered { id: number; name: string; idNumber: string; since: string; barriers: string | null }

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const bandOf = (d: number) => BANDS.find(([, max]) => d < max)!;
const barriersOf = (r: Registered): string[] => {
  const list = r.barriers ? (JSON.parse(r.barriers) as string[]) : null;
  return list === null ? ['unassessed'] : list.length === 0 ? ['none'] : list;
};
const barrierLabel = (code: string) => (code === 'unassessed' ? '未做评估' : code === 'none' ? '无明显障碍' : labelOf(GUIDANCE_BARRIERS, code as GuidanceBarrier));

function registered(ctx: ServiceContext): Registered[] {
  return cachedStatement(ctx.database().sqlite, REGISTERED).all() as Registered[];
}

/** The head's 群体画像: the registered unemployed by barrier (of their latest session) and by time since registration. */
export function groupCharts(ctx: ServiceContext): GuidanceGroupCharts {
  const rows = registered(ctx);
  const byBarrier = new Map<string, number>();
  const byDuration = new Map<string, number>(BANDS.map(([code]) => [code, 0]));
  for (const r of rows) {
    for (const b of barriersOf(r)) byBarrier.set(b, (byBarrier.get(b) ?? 0) + 1);
    const [code] = bandOf(days(r.since, ctx.today));
    byDuration.set(code, byDuration.get(code)! + 1);
  }
  const order = [...GUIDANCE_BARRIERS.map(([c]) => c as string), 'none', 'unassessed'];
  return {
    today: ctx.today,
    total: rows.length,
    byBarrier: order.filter((c) => byBarrier.has(c)).map((code) => ({ code, label: barrierLabel(code), count: byBarrier.get(code)! })),
    byDuration: BANDS.map(([code, , label]) => ({ code, label, count: byDuration.get(code)! })),
  };
}

/** The named list behind one bar: who is counted there, masked, longest registered first. */
export function groupList(ctx: ServiceContext, input: ParsedInputOf<'guidance.groupList'>): { title: string; items: GuidanceGroupMember[]; total: number } {
  const members = registered(ctx).filter((r) =>
    input.dimension === 'barrier' ? barriersOf(r).includes(input.key) : bandOf(days(r.since, ctx.today))[0] === input.key,
  );
  const title = input.dimension === 'barrier' ? `就业障碍：${barrierLabel(input.key)}` : `登记时长：${BANDS.find(([c]) => c === input.key)?.[2] ?? input.key}`;
  const page = members.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  return {
    title,
    total: members.length,
    items: page.map((r) => ({ personId: r.id, name: r.name, idNumberMasked: maskIdNumber(r.idNumber), registeredOn: r.since, days: days(r.since, ctx.today) })),
  };
}
