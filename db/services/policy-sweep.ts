/**
 * 政策找人/政策找企: the sweep. It judges, against every policy in force, only
 * the persons and enterprises that are due (policy_subjects: a fact changed —
 * the triggers mark them — or their recheck day came, or a new version was
 * activated), in pages, each page read, judged and written in one short
 * transaction on the job's own connection: the desk's reads never wait, and a
 * cancelled sweep keeps the pages it finished, each whole. A finding stays
 * open until staff act or a later sweep no longer finds it (gone).
 */
import { desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { JobView, SweepView } from '../../shared/contract';
import { addMonths } from '../../shared/domain/calendar';
import { compilePolicy, namedFacts, storedVerdict, type CompiledPolicy, type FactSnapshot } from '../../shared/domain/policies';
import { actorUserId, type ServiceContext } from '../context';
import type { JobContext } from '../jobs';
import { sweepStatements } from '../queries/policies';
import { policySubjects, policySweeps, policyVersions, users } from '../schema';
import { enterpriseFacts } from './policy-enterprise-facts';
import { personFacts } from './policy-facts';
import { definitionOf } from './policies';

/** Subjects per transaction: a page holds the write lock for well under a tenth of a second at county scale. */
export const SWEEP_PAGE = 500;
const SWEEP_LANE = { name: 'policies.sweep', busy: '已有一次政策比对正在进行，请等它完成后再试' };

export function sweepStart(ctx: ServiceContext): JobView {
  ctx.audit({ action: 'policies.sweepStart', entityType: 'policy_sweep' });
  return ctx.jobs.startTask(ctx, { kind: 'policies.sweep', task: 'policies.sweep', input: {}, lane: SWEEP_LANE });
}

export function sweeps(ctx: ServiceContext): SweepView[] {
  return ctx
    .database()
    .db.select({ sweep: policySweeps, startedBy: users.displayName })
    .from(policySweeps)
    .leftJoin(users, eq(users.id, policySweeps.startedBy))
    .orderBy(desc(policySweeps.id))
    .limit(20)
    .all()
    .map(({ sweep, startedBy }) => sweepView(sweep, startedBy));
}

function sweepView(row: typeof policySweeps.$inferSelect, startedBy: string | null): SweepView {
  return { ...row, versions: JSON.parse(row.versions) as Record<string, number>, startedBy };
}

/** Worked out once per day, not once per subject. */
const firstOfNextMonth = { today: '', day: '' };

/** The day a subject's verdicts can next change by the calendar alone: a person's next birthday or the next month's first day. */
export function recheckOn(today: string, birthDate: string | null): string {
  if (firstOfNextMonth.today !== today) Object.assign(firstOfNextMonth, { today, day: `${addMonths(today, 1).slice(0, 7)}-01` });
  const nextMonth = firstOfNextMonth.day;
  if (!birthDate) return nextMonth;
  // Ages turn on the birthday; someone born on 29 February turns on 1 March in a common year (ageOn's rule).
  const birthdayIn = (year: number) => (birthDate.slice(5) === '02-29' && !isLeapYear(year) ? `${year}-03-01` : `${year}${birthDate.slice(4)}`);
  const year = Number(today.slice(0, 4));
  const birthday = birthdayIn(year) > today ? birthdayIn(year) : birthdayIn(year + 1);
  return birthday < nextMonth ? birthday : nextMonth;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The sweep job, on the connection it runs on. */
export async function sweepTask(ctx: ServiceContext, _input: Record<string, never>, job: JobContext): Promise<SweepView> {
  const { db } = ctx.database();
  const today = ctx.today;
  const policies = db.select().from(policyVersions).where(eq(policyVersions.status, 'active')).all().map(definitionOf);
  // Each version compiled once for the whole sweep, not once per subject.
  const compiled = policies.map(compilePolicy);
  const byTarget = { person: compiled.filter((p) => p.policy.target === 'person'), enterprise: compiled.filter((p) => p.policy.target === 'enterprise') };
  const due = () => db.select({ n: sql<number>`count(*)` }).from(policySubjects).where(lte(policySubjects.recheckOn, today)).get()?.n ?? 0;
  const total = due();
  // Full when no subject waits for a later day (asked of the due index, not by counting a county's million).
  const full = total > 0 && db.select({ one: sql<number>`1` }).from(policySubjects).where(gt(policySubjects.recheckOn, today)).limit(1).get() === undefined;
  const sweepId = ctx.later((tx) =>
    tx.database().db.insert(policySweeps).values({ mode: full ? 'full' : 'incremental', versions: JSON.stringify(Object.fromEntries(policies.map((p) => [p.code, p.version]))), startedAt: ctx.now.toISOString(), startedBy: actorUserId(ctx) }).returning({ id: policySweeps.id }).get().id,
  );
  let evaluated = 0;
  let found = 0;
  job.progress({ phase: '比对', done: 0, total });
  for (;;) {
    await job.checkpoint();
    const page = withoutWaitingForDisk(ctx, () => ctx.later((tx) => sweepPage(tx, sweepId, byTarget, today)));
    if (page.evaluated === 0) break;
    evaluated += page.evaluated;
    found += page.found;
    job.progress({ phase: '比对', done: Math.min(evaluated, total), total: Math.max(total, evaluated) });
  }
  return ctx.later((tx) => {
    const row = tx.database().db.update(policySweeps).set({ finishedAt: tx.now.toISOString(), evaluated, found }).where(eq(policySweeps.id, sweepId)).returning().get();
    tx.audit({ action: 'policies.sweep', entityType: 'policy_sweep', entityId: sweepId, detail: { mode: row.mode, evaluated, found } });
    return sweepView(row, ctx.actor?.displayName ?? null);
  });
}

/**
 * A page's commit without waiting for the disk (synchronous = NORMAL for this
 * one transaction, the connection's setting back at once): a page is derived
 * data — lost on a power cut, the WAL rolls it back whole and its subjects
 * stay due — and the sweep's last transaction, which records the sweep in the
 * audit chain, is synced as always, and with it every page before it. Waiting
 * for the disk after each of a million persons' 2,000 pages took a fifth of
 * the sweep.
 */
function withoutWaitingForDisk<T>(ctx: ServiceContext, work: () => T): T {
  const { sqlite } = ctx.database();
  const before = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    sqlite.pragma(`synchronous = ${before}`);
  }
}

/** One page of due subjects: judged against every policy of their kind, findings kept up to date, recheck days set. */
function sweepPage(ctx: ServiceContext, sweepId: number, byTarget: Record<'person' | 'enterprise', CompiledPolicy[]>, today: string): { evaluated: number; found: number } {
  const { db, sqlite } = ctx.database();
  const sql = sweepStatements(sqlite);
  const subjects = sql.duePage(today, SWEEP_PAGE);
  if (subjects.length === 0) return { evaluated: 0, found: 0 };
  const at = ctx.now.toISOString();
  const by = actorUserId(ctx);
  let found = 0;
  for (const subjectType of ['person', 'enterprise'] as const) {
    const ids = subjects.filter((s) => s.subjectType === subjectType).map((s) => s.subjectId);
    if (ids.length === 0) continue;
    const policies = byTarget[subjectType];
    const snapshots = policies.length === 0 ? new Map<number, FactSnapshot>() : subjectType === 'person' ? personFacts(db, ids, today) : enterpriseFacts(db, ids, today);
    const live = new Map(sql.liveFindings(subjectType, ids).map((f) => [`${f.policyCode}:${f.subjectId}`, f]));
    for (const [subjectId, facts] of snapshots) {
      for (const { policy, factNameSet, rejects, evaluate } of policies) {
        const finding = live.get(`${policy.code}:${subjectId}`);
        live.delete(`${policy.code}:${subjectId}`);
        // A subject the policy turns away (not in force, a condition failing) needs no verdict built.
        const verdict = rejects(facts, today) ? null : evaluate(facts, today);
        if (verdict === null || verdict.result === 'not_eligible') {
          if (finding) sql.findingGone([sweepId, at, by, finding.id]);
          continue;
        }
        found += 1;
        // A finding keeps the facts its policy names and its verdict without the trace (derived again on reading).
        const factsJson = JSON.stringify(namedFacts(facts, factNameSet));
        const verdictJson = JSON.stringify(storedVerdict(verdict));
        if (!finding) {
          sql.insertFinding([policy.code, policy.version, subjectType, subjectId, verdict.result, verdict.amountFen, verdictJson, factsJson, at, sweepId, at, at, by, by]);
        } else if (finding.verdict !== verdictJson || finding.facts !== factsJson) {
          // A finding unchanged by the sweep is left as it was: no new version, no write.
          sql.refreshFinding([policy.version, verdict.result, verdict.amountFen, verdictJson, factsJson, sweepId, at, by, finding.id]);
        }
      }
    }
    // Findings of subjects no longer judged (a merged record) or of policies no longer in force go.
    for (const finding of live.values()) sql.findingGone([sweepId, at, by, finding.id]);
  }
  const births = new Map(sql.birthDates(subjects.filter((s) => s.subjectType === 'person').map((s) => s.subjectId)).map((p) => [p.id, p.birthDate]));
  for (const subject of subjects) sql.recheck(recheckOn(today, subject.subjectType === 'person' ? (births.get(subject.subjectId) ?? null) : null), subject.subjectType, subject.subjectId);
  return { evaluated: subjects.length, found };
}
