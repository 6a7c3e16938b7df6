import { and, eq } from 'drizzle-orm';
import type { FieldCorrection, ParsedInputOf, PersonView } from '../../shared/contract';
import type { PersonChanges } from '../../shared/contract/person-fields';
import { parseIdNumber } from '../../shared/domain/id-number';
import { maskPhone } from '../../shared/domain/masking';
import { normalizeMobile } from '../../shared/domain/phone';
import { fieldLabel, ID_NUMBER_MESSAGES } from '../../shared/labels/zh-CN';
import { personValueText } from '../../shared/labels/correction-values';
import type { ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { personQualifications, persons } from '../schema';
import { correctionHistory, fieldChanges, fieldsToCorrect, recordCorrections } from './corrections';
import { deriveForNewPerson, refreshDerived, reversedPhone, type PersonRow } from './person-derived';
import { divisionNames, personView } from './person-view';
import { createdStamps, updateVersioned } from './row-stamps';

type Writable = Partial<Omit<PersonRow, 'id' | 'idNumber' | 'sex' | 'birthDate' | 'mergedIntoId' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'version'>>;

function mobile(field: 'phone' | 'phone2', value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const phone = normalizeMobile(value);
  if (!phone) throw fieldError(field, '手机号码应为11位，以1开头', fieldLabel(field));
  return phone;
}

/** Checks what the contract cannot check alone (divisions of this county, dates against today, ranges). */
function cleanChanges(ctx: ServiceContext, input: PersonChanges, names: Map<string, string>, current?: PersonRow): Writable {
  const out: Writable = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = typeof value === 'string' && value === '' ? null : value;
  }
  const phone = mobile('phone', input.phone);
  if (phone !== undefined) {
    out.phone = phone;
    out.phoneReversed = reversedPhone(phone);
  }
  const phone2 = mobile('phone2', input.phone2);
  if (phone2 !== undefined) out.phone2 = phone2;
  const township = out.residenceTownshipCode !== undefined ? out.residenceTownshipCode : (current?.residenceTownshipCode ?? null);
  // A new township without a village: the old village belonged to the old township.
  if (current && out.residenceTownshipCode !== undefined && out.residenceTownshipCode !== current.residenceTownshipCode && out.residenceVillageCode === undefined) {
    out.residenceVillageCode = null;
  }
  if (out.residenceTownshipCode && !names.has(out.residenceTownshipCode)) {
    throw fieldError('residenceTownshipCode', '不是本县的乡镇（街道）', '居住乡镇（街道）');
  }
  if (out.residenceVillageCode && (!names.has(out.residenceVillageCode) || !out.residenceVillageCode.startsWith(township ?? '-'))) {
    throw fieldError('residenceVillageCode', '不属于所选的乡镇（街道）', '居住村（社区）');
  }
  if (out.graduationDate && out.graduationDate > ctx.today && out.graduationDate.slice(0, 4) > ctx.today.slice(0, 4)) {
    throw fieldError('graduationDate', '毕业日期不能晚于本年度', '毕业日期');
  }
  const min = out.intendedSalaryMinFen !== undefined ? out.intendedSalaryMinFen : current?.intendedSalaryMinFen;
  const max = out.intendedSalaryMaxFen !== undefined ? out.intendedSalaryMaxFen : current?.intendedSalaryMaxFen;
  if (min != null && max != null && min > max) throw fieldError('intendedSalaryMaxFen', '上限不能低于下限', '期望月薪上限');
  return out;
}

function requirePerson(ctx: ServiceContext, id: number): PersonRow {
  const row = ctx.database().db.select().from(persons).where(eq(persons.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的人员档案`);
  return row;
}

export function register(ctx: ServiceContext, input: ParsedInputOf<'persons.register'>): PersonView {
  const { db } = ctx.database();
  const parsed = parseIdNumber(input.idNumber, ctx.today);
  if (!parsed.ok) throw fieldError('idNumber', ID_NUMBER_MESSAGES[parsed.problem], '身份证号');
  const existing = db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.idNumber, parsed.idNumber)).get();
  if (existing) {
    throw new AppError('DUPLICATE', `该身份证号已登记（${existing.name}），请打开已有档案`, {
      fields: { idNumber: '该身份证号已登记' },
      details: { personId: existing.id, kind: 'idNumber' },
    });
  }
  const names = divisionNames(ctx);
  const { confirmNotDuplicate, idNumber: _raw, ...changes } = input;
  const fields = cleanChanges(ctx, changes, names);
  if (!confirmNotDuplicate && fields.phone) {
    // Same name, birth date and phone under another ID number: usually a mistyped ID.
    const similar = db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.name, input.name), eq(persons.birthDate, parsed.birthDate), eq(persons.phone, fields.phone)))
      .get();
    if (similar) {
      throw new AppError('DUPLICATE', '已有同名、同出生日期、同手机号码的档案，可能是同一人（身份证号录错）。请核对；确认不是同一人后可继续登记。', {
        details: { personId: similar.id, kind: 'similar' },
      });
    }
  }
  const row = db
    .insert(persons)
    .values({
      ...fields,
      name: input.name,
      idNumber: parsed.idNumber,
      sex: parsed.sex,
      birthDate: parsed.birthDate,
      ...createdStamps(ctx),
    })
    .returning()
    .get();
  deriveForNewPerson(db, row, ctx.today);
  ctx.audit({ action: 'persons.register', entityType: 'person', entityId: row.id, after: row });
  return personView(ctx, row);
}

/** Opening a profile is logged, so the citizen's data-access report can say who looked. */
export function get(ctx: ServiceContext, input: ParsedInputOf<'persons.get'>): PersonView {
  const row = requirePerson(ctx, input.id);
  ctx.audit({ action: 'persons.view', entityType: 'person', entityId: row.id });
  return personView(ctx, row);
}

export function addQualification(ctx: ServiceContext, input: ParsedInputOf<'persons.addQualification'>): PersonView {
  const row = requirePerson(ctx, input.personId);
  if (row.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${row.mergedIntoId} 的档案，请在保留的档案上登记`);
  if (input.issuedOn && input.issuedOn > ctx.today) throw fieldError('issuedOn', '发证日期不能晚于今天', '发证日期');
  const added = ctx
    .database()
    .db.insert(personQualifications)
    .values({ personId: row.id, name: input.name, level: input.level ?? null, certificateNumber: input.certificateNumber ?? null, issuedOn: input.issuedOn ?? null, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'persons.addQualification', entityType: 'person', entityId: row.id, after: added, detail: { qualificationId: added.id } });
  return personView(ctx, row);
}

/** The full ID number or phone, for this record only; the reveal itself is audited. */
export function reveal(ctx: ServiceContext, input: ParsedInputOf<'persons.reveal'>): { value: string | null } {
  const row = requirePerson(ctx, input.id);
  ctx.audit({ action: 'persons.reveal', entityType: 'person', entityId: row.id, detail: { field: input.field } });
  return { value: row[input.field] };
}

/** A correction: refused when someone else saved the record since it was read; every changed field keeps its history. */
export function update(ctx: ServiceContext, input: ParsedInputOf<'persons.update'>): PersonView {
  const { db } = ctx.database();
  const before = requirePerson(ctx, input.id);
  if (before.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${before.mergedIntoId} 的档案，请在保留的档案上更正`);
  const names = divisionNames(ctx);
  const fields = cleanChanges(ctx, input.changes, names, before);
  const changed = fieldsToCorrect(fields, before, 'phoneReversed');
  const after = updateVersioned(ctx, persons, before, input.version, fields, {
    message: '该档案已被他人修改，您的修改未保存。请刷新后重新修改。',
    details: { currentVersion: before.version },
  });
  recordCorrections(ctx, 'person', after.id, fieldChanges(changed, before, after), input.reason);
  refreshDerived(db, after, ctx.today);
  ctx.audit({ action: 'persons.update', entityType: 'person', entityId: after.id, before, after, detail: { changedFields: changed, reason: input.reason } });
  return personView(ctx, after);
}

/** The history of the record's fields, values as staff read them (names for codes, masked phones). */
export function corrections(ctx: ServiceContext, input: ParsedInputOf<'persons.corrections'>): FieldCorrection[] {
  requirePerson(ctx, input.id);
  const names = divisionNames(ctx);
  return correctionHistory(ctx, 'person', input.id, (field, value) => (field === 'phone' || field === 'phone2' ? maskOrNull(value) : personValueText(field, value, names)));
}

function maskOrNull(value: string | null): string | null {
  return value ? maskPhone(value) : null;
}
