import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf, PersonListItem, PersonSearchResult, PersonView } from '../../shared/contract';
import { parseIdNumber, normalizeIdNumber } from '../../shared/domain/id-number';
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import { normalizeMobile } from '../../shared/domain/phone';
import { compactCode } from '../../shared/domain/text';
import { ID_NUMBER_MESSAGES } from '../../shared/labels/zh-CN';
import type { ServiceContext } from '../context';
import { townshipsOf } from '../divisions';
import { AppError, fieldError } from '../errors';
import { persons } from '../schema';
import { readSetting } from './settings';

type PersonRow = typeof persons.$inferSelect;
type Editable = ParsedInputOf<'persons.update'>['changes'];

function townshipNames(ctx: ServiceContext): Map<string, string> {
  const county = readSetting(ctx.database().db, 'county_code');
  return new Map(townshipsOf(ctx.divisions(), county).map((t) => [t.code, t.name]));
}

function toView(row: PersonRow, townships: Map<string, string>): PersonView {
  return {
    id: row.id,
    idNumberMasked: maskIdNumber(row.idNumber),
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    ethnicityCode: row.ethnicityCode,
    householdType: row.householdType,
    residenceTownshipCode: row.residenceTownshipCode,
    residenceTownshipName: row.residenceTownshipCode ? (townships.get(row.residenceTownshipCode) ?? null) : null,
    address: row.address,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** Checks and normalises the editable fields the contract cannot check alone. */
function cleanEditable(input: Editable, townships: Map<string, string>) {
  const out: Partial<Pick<PersonRow, 'name' | 'phone' | 'ethnicityCode' | 'householdType' | 'residenceTownshipCode' | 'address'>> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.phone !== undefined) {
    if (input.phone === '') out.phone = null;
    else {
      const phone = normalizeMobile(input.phone);
      if (!phone) throw fieldError('phone', '手机号码应为11位，以1开头', '手机号码');
      out.phone = phone;
    }
  }
  if (input.ethnicityCode !== undefined) out.ethnicityCode = input.ethnicityCode;
  if (input.householdType !== undefined) out.householdType = input.householdType;
  if (input.residenceTownshipCode !== undefined) {
    if (input.residenceTownshipCode !== null && !townships.has(input.residenceTownshipCode)) {
      throw fieldError('residenceTownshipCode', '不是本县的乡镇（街道）', '居住乡镇（街道）');
    }
    out.residenceTownshipCode = input.residenceTownshipCode;
  }
  if (input.address !== undefined) out.address = input.address === '' ? null : input.address;
  return out;
}

export function register(ctx: ServiceContext, input: ParsedInputOf<'persons.register'>): PersonView {
  const { db } = ctx.database();
  const parsed = parseIdNumber(input.idNumber, ctx.today);
  if (!parsed.ok) throw fieldError('idNumber', ID_NUMBER_MESSAGES[parsed.problem], '身份证号');
  const existing = db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.idNumber, parsed.idNumber)).get();
  if (existing) {
    throw new AppError('DUPLICATE', `该身份证号已登记（${existing.name}），请打开已有档案`, {
      fields: { idNumber: '该身份证号已登记' },
      details: { personId: existing.id },
    });
  }
  const townships = townshipNames(ctx);
  const fields = cleanEditable(input, townships);
  const at = ctx.now.toISOString();
  const row = db
    .insert(persons)
    .values({
      ...fields,
      name: input.name,
      idNumber: parsed.idNumber,
      sex: parsed.sex,
      birthDate: parsed.birthDate,
      createdAt: at,
      updatedAt: at,
      createdBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
    })
    .returning()
    .get();
  ctx.audit({ action: 'persons.register', entityType: 'person', entityId: row.id, after: row });
  return toView(row, townships);
}

/** Opening a profile is logged, so the citizen's data-access report can say who looked. */
export function get(ctx: ServiceContext, input: ParsedInputOf<'persons.get'>): PersonView {
  const row = ctx.database().db.select().from(persons).where(eq(persons.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的人员档案`);
  ctx.audit({ action: 'persons.view', entityType: 'person', entityId: row.id });
  return toView(row, townshipNames(ctx));
}

/** The full ID number or phone, for this record only; the reveal itself is audited. */
export function reveal(ctx: ServiceContext, input: ParsedInputOf<'persons.reveal'>): { value: string | null } {
  const row = ctx.database().db.select().from(persons).where(eq(persons.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的人员档案`);
  ctx.audit({ action: 'persons.reveal', entityType: 'person', entityId: row.id, detail: { field: input.field } });
  return { value: input.field === 'idNumber' ? row.idNumber : row.phone };
}

/**
 * Exact ID (18 or 15 digits), ID fragment, name, or phone (full or last digits).
 * Pinyin and combined filters come with the registry feature.
 */
export function search(ctx: ServiceContext, input: ParsedInputOf<'persons.search'>): PersonSearchResult {
  const { db } = ctx.database();
  const query = compactCode(input.query);
  let where: SQL | undefined;
  if (query !== '') {
    const asId = parseIdNumber(query, ctx.today);
    const asPhone = normalizeMobile(input.query);
    if (asId.ok) where = eq(persons.idNumber, asId.idNumber);
    else if (asPhone) where = eq(persons.phone, asPhone);
    else if (/^\d{4,17}[\dXx]?$/.test(query)) {
      const digits = normalizeIdNumber(query);
      where = or(like(persons.phone, `%${digits}`), like(persons.idNumber, `%${digits}%`));
    } else where = like(persons.name, `%${input.query.trim()}%`);
  }
  const total = db.select({ n: sql<number>`count(*)` }).from(persons).where(where).get()?.n ?? 0;
  const townships = townshipNames(ctx);
  const items: PersonListItem[] = db
    .select()
    .from(persons)
    .where(where)
    .orderBy(desc(persons.updatedAt), desc(persons.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((row) => {
      const view = toView(row, townships);
      return {
        id: view.id,
        idNumberMasked: view.idNumberMasked,
        name: view.name,
        sex: view.sex,
        birthDate: view.birthDate,
        phoneMasked: view.phoneMasked,
        residenceTownshipName: view.residenceTownshipName,
      };
    });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** A correction: refused when someone else saved the record since it was read. */
export function update(ctx: ServiceContext, input: ParsedInputOf<'persons.update'>): PersonView {
  const { db } = ctx.database();
  const before = db.select().from(persons).where(eq(persons.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的人员档案`);
  const townships = townshipNames(ctx);
  const fields = cleanEditable(input.changes, townships);
  const after = db
    .update(persons)
    .set({ ...fields, updatedAt: ctx.now.toISOString(), updatedBy: ctx.actor?.userId ?? null, version: before.version + 1 })
    .where(and(eq(persons.id, input.id), eq(persons.version, input.version)))
    .returning()
    .get();
  if (!after) {
    throw new AppError('CONFLICT', '该档案已被他人修改，您的修改未保存。请刷新后重新修改。', {
      details: { currentVersion: before.version },
    });
  }
  ctx.audit({
    action: 'persons.update',
    entityType: 'person',
    entityId: after.id,
    before,
    after,
    detail: { changedFields: Object.keys(fields), reason: input.reason },
  });
  return toView(after, townships);
}
