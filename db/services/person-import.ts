import { eq, inArray } from 'drizzle-orm';
import type { JobView, ParsedInputOf } from '../../shared/contract';
import { PERSON_IMPORT_COLUMNS } from '../../shared/domain/import-columns';
import { checkPersonRows } from '../../shared/domain/person-import';
import type { ServiceContext } from '../context';
import { townshipInAddress } from '../divisions';
import { importTemplate as template, NO_OPTIONS, startImport, type ApplyCounts, type ImportKind, type ValidRow } from '../import/run-import';
import { persons } from '../schema';
import { fieldChanges, recordCorrections } from './corrections';
import { deriveForNewPersons, refreshDerived, reversedPhone, type PersonRow } from './person-derived';
import { divisionNames } from './person-view';
import { createdStamps, updatedStamps } from './row-stamps';
import { insertManyReturningCached } from '../statements';

type Imported = Pick<PersonRow, 'name' | 'phone' | 'ethnicityCode' | 'educationCode' | 'householdType' | 'address' | 'residenceTownshipCode' | 'school' | 'major' | 'graduationDate' | 'employmentStatus'>;

function toFields(record: Record<string, string | null>, names: Map<string, string>): Partial<Imported> {
  const fields: Partial<Imported> = {
    name: record.name ?? undefined,
    phone: record.phone,
    ethnicityCode: record.ethnicity,
    educationCode: record.education,
    householdType: record.householdType as Imported['householdType'],
    address: record.residence,
    residenceTownshipCode: townshipInAddress(names, record.residence ?? null, 'start'),
    school: record.school,
    major: record.major,
    graduationDate: record.graduationDate,
    employmentStatus: (record.employmentStatus ?? undefined) as Imported['employmentStatus'] | undefined,
  };
  // A blank cell never erases what the record already holds.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as Partial<Imported>;
}

const IMPORTED_FIELDS = ['name', 'phone', 'ethnicityCode', 'educationCode', 'householdType', 'address', 'residenceTownshipCode', 'school', 'major', 'graduationDate', 'employmentStatus'] as const satisfies ReadonlyArray<keyof Imported>;
const IMPORTED_NULLS = Object.fromEntries(IMPORTED_FIELDS.map((f) => [f, null])) as Record<(typeof IMPORTED_FIELDS)[number], null>;
const DEFAULT_EMPLOYMENT_STATUS = persons.employmentStatus.default as Imported['employmentStatus'];

/** New persons written together: their rows, search keys, key groups and schedules each in multi-row statements. */
const CREATE_BATCH = 1_000;

type NewPerson = typeof persons.$inferInsert;

/**
 * Writes a batch of new persons and what derives from them, then audits each
 * one (in the order of the file), as registering them one by one would.
 */
function createPersons(ctx: ServiceContext, batch: NewPerson[]): void {
  const { db } = ctx.database();
  const rows = insertManyReturningCached(db, persons, batch);
  deriveForNewPersons(db, rows, ctx.today);
  for (const row of rows) ctx.audit({ action: 'persons.register', entityType: 'person', entityId: row.id, after: row, detail: { source: 'import' } });
}

/** Matches rows to existing persons by ID number; creates new ones and updates only changed fields. */
function applyRows(ctx: ServiceContext, valid: ValidRow[], writes: boolean, fileName: string): ApplyCounts {
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const ids = valid.map((v) => v.record.idNumber!);
  const existing = new Map<string, PersonRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of db.select().from(persons).where(inArray(persons.idNumber, ids.slice(i, i + 500))).all()) existing.set(row.idNumber, row);
  }
  const stamps = createdStamps(ctx);
  const reason = `Excel 导入：${fileName}`;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  // New persons wait in a batch; an update writes the batch first, so the audit keeps the file's order.
  let batch: NewPerson[] = [];
  const writeBatch = () => {
    if (batch.length > 0) createPersons(ctx, batch);
    batch = [];
  };
  for (const { record } of valid) {
    const fields = toFields(record, names);
    const current = existing.get(record.idNumber!);
    if (!current) {
      created += 1;
      if (!writes) continue;
      batch.push({
        ...IMPORTED_NULLS,
        ...fields,
        employmentStatus: fields.employmentStatus ?? DEFAULT_EMPLOYMENT_STATUS,
        phoneReversed: reversedPhone(fields.phone ?? null),
        name: record.name!,
        idNumber: record.idNumber!,
        sex: record.sex as 'male' | 'female',
        birthDate: record.birthDate!,
        ...stamps,
      });
      if (batch.length >= CREATE_BATCH) writeBatch();
      continue;
    }
    const changed = (Object.keys(fields) as (keyof Imported)[]).filter((k) => fields[k] !== current[k]);
    if (changed.length === 0 || current.mergedIntoId !== null) {
      unchanged += 1;
      continue;
    }
    updated += 1;
    if (!writes) continue;
    writeBatch();
    const changes = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    const after = db
      .update(persons)
      .set({ ...changes, ...(changed.includes('phone') ? { phoneReversed: reversedPhone(fields.phone ?? null) } : {}), ...updatedStamps(ctx, current) })
      .where(eq(persons.id, current.id))
      .returning()
      .get();
    recordCorrections(ctx, 'person', current.id, fieldChanges(changed, current, after), reason);
    refreshDerived(db, after, ctx.today);
    ctx.audit({ action: 'persons.update', entityType: 'person', entityId: current.id, before: current, after, detail: { changedFields: changed, reason } });
  }
  writeBatch();
  return { created, updated, unchanged };
}

/** The persons roster (花名册): rows keyed by ID number. */
export const PERSON_IMPORT: ImportKind = {
  name: 'persons.import',
  columns: PERSON_IMPORT_COLUMNS,
  options: NO_OPTIONS,
  check: (ctx, sheet, mapping) => checkPersonRows(sheet, ctx.today, mapping),
  apply: applyRows,
};

export function importStart(ctx: ServiceContext, input: ParsedInputOf<'persons.importStart'>): JobView {
  return startImport(ctx, PERSON_IMPORT, input);
}

export function importTemplate(): { fileName: string; base64: string } {
  return template(PERSON_IMPORT, '花名册', '人员导入模板.xlsx', ['idNumber', 'phone']);
}
