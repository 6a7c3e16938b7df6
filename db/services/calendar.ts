import { and, eq, gte, lte } from 'drizzle-orm';
import type { CalendarDay, ParsedInputOf } from '../../shared/contract';
import { workCalendarProblems } from '../../shared/domain/working-days';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { calendarDays } from '../schema';

export function list(ctx: ServiceContext, input: ParsedInputOf<'calendar.list'>): CalendarDay[] {
  return ctx
    .database()
    .db.select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)))
    .orderBy(calendarDays.date)
    .all();
}

/**
 * The administrator enters each year's State Council schedule: public
 * holidays, and the weekend days that are worked instead (调休). Due dates of
 * cases accepted afterwards follow it; a due date already given is kept.
 */
export function set(ctx: ServiceContext, input: ParsedInputOf<'calendar.set'>): CalendarDay[] {
  const { db } = ctx.database();
  const before = db.select().from(calendarDays).where(eq(calendarDays.date, input.date)).get() ?? null;
  if (input.kind === null) db.delete(calendarDays).where(eq(calendarDays.date, input.date)).run();
  else {
    const problems = workCalendarProblems(input.kind === 'holiday' ? [input.date] : [], input.kind === 'workday' ? [input.date] : []);
    if (problems.length) throw new AppError('BAD_INPUT', problems.join('；'), { fields: { date: problems[0]! } });
    const row = { date: input.date, kind: input.kind, note: input.note ?? null };
    db.insert(calendarDays).values(row).onConflictDoUpdate({ target: calendarDays.date, set: row }).run();
  }
  ctx.audit({ action: 'calendar.set', entityType: 'calendar', entityId: input.date, detail: { before, after: input } });
  return list(ctx, { year: Number(input.date.slice(0, 4)) });
}
