import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ParsedInputOf, TimelineSection, WelfareCheckStatus, WelfarePlacementView, WelfarePostView } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { dueExit, hireProblems, placementEndReasonLabel, plannedEndOf, reminderDue, type CertificationState } from '../../shared/domain/welfare-posts';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { cases, enterprises, persons, welfarePlacements, welfarePosts } from '../schema';
import { optionalSetting, writeSetting } from '../queries/settings';
import { createdStamps, updateVersioned } from './row-stamps';
import { refuseProblems } from './training-catalogue';

type PlacementRow = typeof welfarePlacements.$inferSelect;
type PostRow = typeof welfarePosts.$inferSelect;

export function placementViews(ctx: ServiceContext, rows: PlacementRow[]): WelfarePlacementView[] {
  const { db } = ctx.database();
  if (rows.length === 0) return [];
  const people = new Map(db.select().from(persons).where(inArray(persons.id, [...new Set(rows.map((r) => r.personId))])).all().map((p) => [p.id, p]));
  const posts = new Map(db.select().from(welfarePosts).where(inArray(welfarePosts.id, [...new Set(rows.map((r) => r.postId))])).all().map((p) => [p.id, p]));
  return rows.map((r) => {
    const person = people.get(r.personId)!;
    const post = posts.get(r.postId)!;
    return {
      id: r.id, postId: r.postId, postTitle: post.title, employerName: post.employerName, personId: r.personId, personName: person.name, idNumberMasked: maskIdNumber(person.idNumber),
      certificationCaseId: r.certificationCaseId, hiredOn: r.hiredOn, plannedEndOn: r.plannedEndOn,
      untilRetirement: plannedEndOf(r.hiredOn, { birthDate: person.birthDate, sex: person.sex, femaleRetirementCategory: person.femaleRetirementCategory }).untilRetirement,
      endedOn: r.endedOn, endReason: r.endReason, endReasonLabel: placementEndReasonLabel(r.endReason), endNote: r.endNote, version: r.version,
    };
  });
}

function postViews(ctx: ServiceContext, rows: PostRow[]): WelfarePostView[] {
  if (rows.length === 0) return [];
  const placements = placementViews(ctx, ctx.database().db.select().from(welfarePlacements).where(inArray(welfarePlacements.postId, rows.map((r) => r.id))).orderBy(asc(welfarePlacements.id)).all());
  return rows.map((r) => {
    const own = placements.filter((p) => p.postId === r.id);
    return {
      id: r.id, employerName: r.employerName, enterpriseId: r.enterpriseId, title: r.title, positions: r.positions, filled: own.filter((p) => p.endedOn === null).length,
      periodFrom: r.periodFrom, periodTo: r.periodTo, monthlySubsidyFen: r.monthlySubsidyFen, status: r.status, placements: own, version: r.version,
    };
  });
}

export function list(ctx: ServiceContext): WelfarePostView[] {
  return postViews(ctx, ctx.database().db.select().from(welfarePosts).orderBy(desc(welfarePosts.periodFrom), desc(welfarePosts.id)).limit(500).all());
}

const POST_LABELS = { periodTo: '开发期限止', enterpriseId: '用人单位' };

export function createPost(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.createPost'>): WelfarePostView {
  const { db } = ctx.database();
  if (input.periodTo < input.periodFrom) refuseProblems({ periodTo: `开发期限止不能早于开发期限起（${input.periodFrom}）` }, POST_LABELS);
  if (input.enterpriseId && !db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId)).get()) {
    refuseProblems({ enterpriseId: `没有编号为 ${input.enterpriseId} 的单位` }, POST_LABELS);
  }
  const row = db.insert(welfarePosts).values({ ...input, enterpriseId: input.enterpriseId ?? null, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'welfarePosts.createPost', entityType: 'welfare_post', entityId: row.id, detail: { name: row.title, positions: row.positions, periodFrom: row.periodFrom, periodTo: row.periodTo } });
  return postViews(ctx, [row])[0]!;
}

/** The person's latest approved 就业困难人员认定 with its validity, end and hold, or null. */
function certificationOf(ctx: ServiceContext, personId: number): (CertificationState & { caseId: number }) | null {
  const row = ctx.database().db.select().from(cases)
    .where(and(eq(cases.personId, personId), eq(cases.caseType, 'difficulty_certification'), eq(cases.state, 'approved')))
    .orderBy(desc(cases.decidedAt), desc(cases.id)).get();
  if (!row) return null;
  const form = JSON.parse(row.form) as Record<string, string | null>;
  return { caseId: row.id, validFrom: form.validFrom ?? null, validTo: form.validTo ?? null, endedOn: row.endedOn, suspendedOn: row.suspendedOn };
}

const HIRE_LABELS = { postId: '公益性岗位', personId: '安置人员', hiredOn: '上岗日期' };

/** 安置: checked at hire — only a person whose 就业困难人员认定 is in force that day; refused whole otherwise. */
export function hire(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.hire'>): WelfarePlacementView {
  const { db } = ctx.database();
  const post = db.select().from(welfarePosts).where(eq(welfarePosts.id, input.postId)).get();
  if (!post) throw new AppError('NOT_FOUND', `没有编号为 ${input.postId} 的公益性岗位`, { fields: { postId: '岗位不存在' } });
  const person = db.select().from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) refuseProblems({ personId: `没有编号为 ${input.personId} 的人员档案` }, HIRE_LABELS);
  if (person!.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person!.mergedIntoId} 的档案，请在保留的档案上办理`);
  const filled = db.select({ id: welfarePlacements.id }).from(welfarePlacements).where(and(eq(welfarePlacements.postId, post.id), isNull(welfarePlacements.endedOn))).all().length;
  const inPost = db.select({ title: welfarePosts.title }).from(welfarePlacements).innerJoin(welfarePosts, eq(welfarePosts.id, welfarePlacements.postId))
    .where(and(eq(welfarePlacements.personId, person!.id), isNull(welfarePlacements.endedOn))).get()?.title ?? null;
  const certification = certificationOf(ctx, person!.id);
  const facts = { birthDate: person!.birthDate, sex: person!.sex, femaleRetirementCategory: person!.femaleRetirementCategory };
  refuseProblems(hireProblems({ ...post, filled }, { ...facts, inPost }, certification, input.hiredOn, ctx.today), HIRE_LABELS);
  const { plannedEndOn } = plannedEndOf(input.hiredOn, facts, post.periodTo);
  const row = db.insert(welfarePlacements).values({ postId: post.id, personId: person!.id, certificationCaseId: certification!.caseId, hiredOn: input.hiredOn, plannedEndOn, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'welfarePosts.hire', entityType: 'person', entityId: person!.id, detail: { name: post.title, onDate: input.hiredOn, caseId: certification!.caseId, plannedEndOn } });
  return placementViews(ctx, [row])[0]!;
}

function requireOpenPlacement(ctx: ServiceContext, id: number): PlacementRow {
  const row = ctx.database().db.select().from(welfarePlacements).where(eq(welfarePlacements.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的安置记录`);
  if (row.endedOn !== null) throw new AppError('CONFLICT', `此人已于${row.endedOn}离岗（${placementEndReasonLabel(row.endReason)}）`);
  return row;
}

export function exit(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.exit'>): WelfarePlacementView {
  const row = requireOpenPlacement(ctx, input.placementId);
  if (input.endedOn < row.hiredOn) refuseProblems({ endedOn: `离岗日期不能早于上岗日期（${row.hiredOn}）` }, { endedOn: '离岗日期' });
  if (input.endedOn > ctx.today) refuseProblems({ endedOn: `离岗日期不能晚于今天（${ctx.today}）` }, { endedOn: '离岗日期' });
  const after = updateVersioned(ctx, welfarePlacements, row, input.version, { endedOn: input.endedOn, endReason: input.reason, endNote: input.note?.trim() || null }, '该安置记录已被他人更新，请刷新后重试');
  ctx.audit({ action: 'welfarePosts.exit', entityType: 'person', entityId: row.personId, detail: { onDate: input.endedOn, endReason: input.reason } });
  return placementViews(ctx, [after])[0]!;
}

/**
 * 每日核验: every open placement whose certification has ended leaves on the
 * day it ended; one past its planned end (3 years, or retirement) leaves on
 * that day. The scheduler runs it daily; staff may run it from the page.
 */
export function checkDaily(ctx: ServiceContext, input: ParsedInputOf<'welfarePosts.checkDaily'>): { ended: WelfarePlacementView[]; skipped: boolean } {
  const { db } = ctx.database();
  if (input.unlessDoneToday && lastCheck(ctx)?.on === ctx.today) return { ended: [], skipped: true };
  const open = db.select({ p: welfarePlacements, certificationEnded: cases.endedOn, form: cases.form }).from(welfarePlacements)
    .innerJoin(cases, eq(cases.id, welfarePlacements.certificationCaseId)).where(isNull(welfarePlacements.endedOn)).all();
  const ended: PlacementRow[] = [];
  for (const { p, certificationEnded, form } of open) {
    // A certification ends by exit (退出, on its day) or by running out (its last valid day).
    const validTo = (JSON.parse(form) as Record<string, string | null>).validTo ?? null;
    const certificationEnd = certificationEnded ?? (validTo !== null && validTo < ctx.today ? validTo : null);
    const due = dueExit(p, certificationEnd, ctx.today);
    if (!due) continue;
    ended.push(updateVersioned(ctx, welfarePlacements, p, p.version, { endedOn: due.endedOn, endReason: due.reason }, '该安置记录已被他人更新，请刷新后重试'));
    ctx.audit({ action: 'welfarePosts.checkDaily', entityType: 'person', entityId: p.personId, detail: { onDate: due.endedOn, endReason: due.reason } });
  }
  // The scheduler runs the check once a day: it reads this to know the day is done (checkStatus).
  writeSetting(db, LAST_CHECK_KEY, JSON.stringify({ on: ctx.today, by: ctx.actor?.displayName ?? null }));
  return { ended: placementViews(ctx, ended), skipped: false };
}

const LAST_CHECK_KEY = 'welfare_posts.last_daily_check';

function lastCheck(ctx: ServiceContext): { on: string; by: string | null } | null {
  const stored = optionalSetting(ctx.database().db, LAST_CHECK_KEY);
  return stored ? (JSON.parse(stored) as { on: string; by: string | null }) : null;
}

export function checkStatus(ctx: ServiceContext): WelfareCheckStatus {
  const last = lastCheck(ctx);
  return { lastCheckOn: last?.on ?? null, lastCheckBy: last?.by ?? null, reminders: reminders(ctx).length };
}

export function reminders(ctx: ServiceContext): WelfarePlacementView[] {
  const rows = ctx.database().db.select().from(welfarePlacements).where(isNull(welfarePlacements.endedOn)).orderBy(asc(welfarePlacements.plannedEndOn)).all();
  return placementViews(ctx, rows.filter((r) => reminderDue(r.plannedEndOn, ctx.today)));
}

/** The profile's 公益性岗位 section: each placement (hire, planned end) and its exit with the reason, newest first. */
export function welfarePostTimelineEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const rows = ctx.database().db.select().from(welfarePlacements).where(eq(welfarePlacements.personId, personId)).orderBy(desc(welfarePlacements.hiredOn), desc(welfarePlacements.id)).limit(20).all();
  return placementViews(ctx, rows).flatMap((v) => [
    ...(v.endedOn ? [{ at: v.endedOn, title: `公益性岗位离岗：${v.employerName} ${v.postTitle}`, detail: `${v.endReasonLabel}${v.endNote ? `（${v.endNote}）` : ''}`, actor: null }] : []),
    { at: v.hiredOn, title: `公益性岗位上岗：${v.employerName} ${v.postTitle}`, detail: `安置期至 ${v.plannedEndOn}${v.untilRetirement ? '（距退休不足5年，至退休）' : ''}`, actor: null },
  ]);
}
