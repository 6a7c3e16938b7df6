import { eq, inArray } from 'drizzle-orm';
import type { ImportReport, JobView, ParsedInputOf } from '../../shared/contract';
import { PERSON_IMPORT_COLUMNS, matchHeaders } from '../../shared/domain/import-columns';
import { checkPersonRows } from '../../shared/domain/person-import';
import type { ServiceContext } from '../context';
import { readSheet } from '../import/read-sheet';
import type { JobContext } from '../jobs';
import { personCorrections, persons, settings } from '../schema';
import { writeXlsx } from '../xlsx';
import { refreshDerived, reversedPhone, type PersonRow } from './person-derived';
import { divisionNames } from './person-view';

type Imported = Pick<PersonRow, 'name' | 'phone' | 'ethnicityCode' | 'educationCode' | 'householdType' | 'address' | 'residenceTownshipCode' | 'school' | 'major' | 'graduationDate' | 'employmentStatus'>;

/** Township of this county named at the start of a 现居住地 text (木渎镇中山东路12号 → 木渎镇). */
function townshipByAddress(names: Map<string, string>, address: string | null): string | null {
  if (!address) return null;
  for (const [code, name] of names) if (code.length === 9 && address.startsWith(name)) return code;
  return null;
}

function toFields(record: Record<string, string | null>, names: Map<string, string>): Partial<Imported> {
  const fields: Partial<Imported> = {
    name: record.name ?? undefined,
    phone: record.phone,
    ethnicityCode: record.ethnicity,
    educationCode: record.education,
    householdType: record.householdType as Imported['householdType'],
    address: record.residence,
    residenceTownshipCode: townshipByAddress(names, record.residence ?? null),
    school: record.school,
    major: record.major,
    graduationDate: record.graduationDate,
    employmentStatus: (record.employmentStatus ?? undefined) as Imported['employmentStatus'] | undefined,
  };
  // A blank cell never erases what the record already holds.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as Partial<Imported>;
}

/** Reads, checks and (unless a dry run) writes a roster; the write is one transaction at the end. */
export async function runPersonImport(
  ctx: ServiceContext,
  input: { fileName: string; file: Buffer; dryRun: boolean; allOrNothing: boolean; mapping?: Record<string, string> },
  job: JobContext,
): Promise<ImportReport> {
  job.progress({ phase: '读取文件', done: 0, total: 0 });
  const sheet = await readSheet(input.file, {
    headerCandidates: PERSON_IMPORT_COLUMNS,
    onProgress: (done, total) => job.progress({ phase: '读取文件', done, total }),
  });
  await job.checkpoint();
  const match = matchHeaders(sheet.headers, PERSON_IMPORT_COLUMNS, input.mapping);
  const fieldAt = new Map(Object.entries(match.columns).map(([field, index]) => [index as number, field]));
  const layout = {
    sheetName: sheet.sheetName,
    headerRowNumber: sheet.headerRowNumber,
    unknownHeaders: match.unknownHeaders,
    missingRequired: match.missingRequired.map((c) => c.label),
    columns: sheet.headers.map((header, i) => ({ header, field: fieldAt.get(i) ?? null })).filter((c) => c.header.trim() !== ''),
  };
  if (match.missingRequired.length > 0) {
    // Nothing can be checked without these; the screen offers to map a column to them.
    return { total: sheet.rows.length, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, rows: [], dryRun: input.dryRun, allOrNothing: input.allOrNothing, nothingWritten: true, ...layout };
  }
  job.progress({ phase: '校验', done: 0, total: sheet.rows.length });
  const checks = checkPersonRows(sheet, ctx.today, input.mapping);
  job.progress({ phase: '校验', done: sheet.rows.length, total: sheet.rows.length });
  await job.checkpoint();

  const valid = checks.flatMap((c) => (c.valid ? [c] : []));
  const rows = checks.flatMap((c) => (c.valid ? [] : c.problems.map((p) => ({ row: c.rowNumber, ...p }))));
  const writes = !input.dryRun && !(input.allOrNothing && rows.length > 0);
  job.progress({ phase: writes ? '写入' : '比对', done: 0, total: valid.length });
  const counts = ctx.later((tx) => applyRows(tx, valid, writes, input.fileName));
  job.progress({ phase: '完成', done: valid.length, total: valid.length });
  return {
    total: checks.length,
    valid: valid.length,
    invalid: checks.length - valid.length,
    ...counts,
    rows,
    dryRun: input.dryRun,
    allOrNothing: input.allOrNothing,
    nothingWritten: !writes || counts.created + counts.updated === 0,
    ...layout,
  };
}

/** Matches rows to existing persons by ID number; creates new ones and updates only changed fields. */
function applyRows(
  ctx: ServiceContext,
  valid: { rowNumber: number; record: Record<string, string | null> }[],
  writes: boolean,
  fileName: string,
): { created: number; updated: number; unchanged: number } {
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const ids = valid.map((v) => v.record.idNumber!);
  const existing = new Map<string, PersonRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of db.select().from(persons).where(inArray(persons.idNumber, ids.slice(i, i + 500))).all()) existing.set(row.idNumber, row);
  }
  const at = ctx.now.toISOString();
  const actorId = ctx.actor?.userId ?? null;
  const reason = `Excel 导入：${fileName}`;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { record } of valid) {
    const fields = toFields(record, names);
    const current = existing.get(record.idNumber!);
    if (!current) {
      created += 1;
      if (!writes) continue;
      const row = db
        .insert(persons)
        .values({
          ...fields,
          name: fields.name!,
          phoneReversed: reversedPhone(fields.phone ?? null),
          idNumber: record.idNumber!,
          sex: record.sex as 'male' | 'female',
          birthDate: record.birthDate!,
          createdAt: at,
          updatedAt: at,
          createdBy: actorId,
          updatedBy: actorId,
        })
        .returning()
        .get();
      refreshDerived(db, row, ctx.today);
      ctx.audit({ action: 'persons.register', entityType: 'person', entityId: row.id, after: row, detail: { source: 'import' } });
      continue;
    }
    const changed = (Object.keys(fields) as (keyof Imported)[]).filter((k) => fields[k] !== current[k]);
    if (changed.length === 0 || current.mergedIntoId !== null) {
      unchanged += 1;
      continue;
    }
    updated += 1;
    if (!writes) continue;
    const changes = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    const after = db
      .update(persons)
      .set({ ...changes, ...(changed.includes('phone') ? { phoneReversed: reversedPhone(fields.phone ?? null) } : {}), updatedAt: at, updatedBy: actorId, version: current.version + 1 })
      .where(eq(persons.id, current.id))
      .returning()
      .get();
    db.insert(personCorrections)
      .values(changed.map((field) => ({ personId: current.id, field, oldValue: current[field] ?? null, newValue: after[field] ?? null, reason, correctedBy: actorId, correctedAt: at })))
      .run();
    refreshDerived(db, after, ctx.today);
    ctx.audit({ action: 'persons.update', entityType: 'person', entityId: current.id, before: current, after, detail: { changedFields: changed, reason } });
  }
  if (writes && created + updated > 0) ctx.audit({ action: 'persons.importCommit', detail: { fileName, created, updated, unchanged } });
  return { created, updated, unchanged };
}

const MAPPING_KEY = 'import_mapping.persons';

/** Column mappings staff chose before, by header text: the same roster layout is read the same way next time. */
function savedMapping(ctx: ServiceContext): Record<string, string> {
  const row = ctx.database().db.select({ value: settings.value }).from(settings).where(eq(settings.key, MAPPING_KEY)).get();
  return row ? (JSON.parse(row.value) as Record<string, string>) : {};
}

export function importStart(ctx: ServiceContext, input: ParsedInputOf<'persons.importStart'>): JobView {
  const file = Buffer.from(input.base64, 'base64');
  const mapping = { ...savedMapping(ctx), ...input.mapping };
  if (input.mapping && Object.keys(input.mapping).length > 0) {
    const value = JSON.stringify(mapping);
    ctx.database().db.insert(settings).values({ key: MAPPING_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  }
  ctx.audit({ action: 'persons.importStart', detail: { fileName: input.fileName, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping: input.mapping ?? {} } });
  return ctx.jobs.start('persons.import', ctx.actor?.userId ?? null, (job) =>
    runPersonImport(ctx, { fileName: input.fileName, file, dryRun: input.dryRun, allOrNothing: input.allOrNothing, mapping }, job),
  );
}

/** The template staff fill in: the usual headers, required ones starred, the ID column formatted as text. */
export function importTemplate(): { fileName: string; base64: string } {
  const headers = PERSON_IMPORT_COLUMNS.map((c) => (c.required ? `*${c.label}` : c.label));
  const idColumn = PERSON_IMPORT_COLUMNS.findIndex((c) => c.field === 'idNumber');
  const phoneColumn = PERSON_IMPORT_COLUMNS.findIndex((c) => c.field === 'phone');
  const buffer = writeXlsx('花名册', headers, [], headers.map((h) => Math.max(10, h.length * 2 + 4)), [idColumn, phoneColumn]);
  return { fileName: '人员导入模板.xlsx', base64: buffer.toString('base64') };
}
