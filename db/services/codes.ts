import { and, asc, eq, ne } from 'drizzle-orm';
import type { CodeTableEntry, ParsedInputOf } from '../../shared/contract';
import { codeEntryProblems, EDITABLE_CODE_TABLES, generatedCode, type EditableCodeTable } from '../../shared/domain/editable-code-tables';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { codeEntries } from '../schema';
import { createdStamps, updatedStamps } from './row-stamps';

type EntryRow = typeof codeEntries.$inferSelect;

function entryOf(row: EntryRow): CodeTableEntry {
  return { code: row.code, label: row.label, active: row.active, sortOrder: row.sortOrder, applicant: row.applicant, version: row.version };
}

function entries(ctx: ServiceContext, table: EditableCodeTable): CodeTableEntry[] {
  return ctx
    .database()
    .db.select()
    .from(codeEntries)
    .where(eq(codeEntries.tableCode, table))
    .orderBy(asc(codeEntries.sortOrder), asc(codeEntries.code))
    .all()
    .map(entryOf);
}

/** A whole table, retired entries included (active = false): old cases still need their labels. */
export function list(ctx: ServiceContext, input: ParsedInputOf<'codes.list'>): CodeTableEntry[] {
  return entries(ctx, input.table);
}

/**
 * The administrator adds an entry, or renames, reorders, retires or restores
 * one. The code never changes and nothing is deleted: cases filed under an
 * entry keep pointing at it, and keep its label.
 */
export function save(ctx: ServiceContext, input: ParsedInputOf<'codes.save'>): CodeTableEntry[] {
  const { db } = ctx.database();
  const tableLabel = EDITABLE_CODE_TABLES[input.table].label;
  const label = input.label.trim();
  const problems = codeEntryProblems(input.table, { code: input.code, label, applicant: input.applicant });
  if (input.version === null && input.code !== null) problems.code = '新项目的代码由系统根据名称生成，不需要填写';
  if (input.version !== null && input.code === null) problems.code = '请指明要修改的项目（代码）';
  if (Object.keys(problems).length > 0) throw new AppError('BAD_INPUT', Object.values(problems).join('；'), { fields: problems });

  // Two entries with one name would be told apart by nobody at the window.
  const namesake = db
    .select({ code: codeEntries.code })
    .from(codeEntries)
    .where(and(eq(codeEntries.tableCode, input.table), eq(codeEntries.label, label), input.code === null ? undefined : ne(codeEntries.code, input.code)))
    .get();
  if (namesake) throw new AppError('DUPLICATE', `${tableLabel}中已有名为“${label}”的项目（代码 ${namesake.code}）`, { fields: { label: '已有同名的项目' } });
  const taken = () => new Set(db.select({ code: codeEntries.code }).from(codeEntries).where(eq(codeEntries.tableCode, input.table)).all().map((r) => r.code));
  const code = input.code ?? generatedCode(label, taken());
  const key = and(eq(codeEntries.tableCode, input.table), eq(codeEntries.code, code));
  const before = input.version === null ? undefined : db.select().from(codeEntries).where(key).get();

  const facts = { label, active: input.active, sortOrder: input.sortOrder, applicant: input.applicant };
  let after: EntryRow | undefined;
  if (input.version === null) {
    after = db.insert(codeEntries).values({ tableCode: input.table, code, ...facts, ...createdStamps(ctx) }).returning().get();
  } else {
    if (!before) throw new AppError('NOT_FOUND', `${tableLabel}中没有代码“${code}”`);
    after = db
      .update(codeEntries)
      .set({ ...facts, ...updatedStamps(ctx, before) })
      .where(and(key, eq(codeEntries.version, input.version)))
      .returning()
      .get();
    if (!after) throw new AppError('CONFLICT', `“${before.label}”已被他人修改，请刷新后重试。`);
  }
  ctx.audit({
    action: 'codes.save',
    entityType: 'code_entry',
    entityId: `${input.table}.${code}`,
    before: before ?? null,
    after,
    // Code-table names are not personal data: the log shows what was renamed or retired.
    detail: {
      table: input.table,
      code,
      before: before ? { label: before.label, active: before.active } : null,
      after: { label: after.label, active: after.active },
    },
  });
  return entries(ctx, input.table);
}
