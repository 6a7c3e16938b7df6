import { eq } from 'drizzle-orm';
import type { EnterpriseView, FieldCorrection, ParsedInputOf } from '../../shared/contract';
import type { EnterpriseChanges } from '../../shared/contract/enterprise-fields';
import { CREDIT_CODE_MESSAGES, parseEnterpriseKey, type EntityType } from '../../shared/domain/credit-code';
import { industrySectionOf } from '../../shared/domain/industry';
import { maskPhone } from '../../shared/domain/masking';
import { normalizeMobile } from '../../shared/domain/phone';
import { enterpriseValueText } from '../../shared/labels/correction-values';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { enterpriseContacts, enterpriseFormerNames, enterpriseHeadcounts, enterprises } from '../schema';
import { correctionHistory, fieldChanges, fieldsToCorrect, recordCorrections } from './corrections';
import { enterpriseView, requireEnterprise, type EnterpriseRow } from './enterprise-view';
import { divisionNames } from './person-view';
import { createdStamps, updateVersioned } from './row-stamps';

type Writable = Partial<Omit<EnterpriseRow, 'id' | 'creditCode' | 'registrationNumber' | 'entityType' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'version'>>;

/** The key as typed → credit code or registration number, or a field error naming 统一社会信用代码. */
export function enterpriseKeyOf(raw: string): { creditCode: string | null; registrationNumber: string | null; entityType: EntityType | null } {
  const key = parseEnterpriseKey(raw);
  if (!key.ok) throw fieldError('creditCode', CREDIT_CODE_MESSAGES[key.problem], '统一社会信用代码');
  return key.kind === 'creditCode'
    ? { creditCode: key.value, registrationNumber: null, entityType: key.entityType }
    : { creditCode: null, registrationNumber: key.value, entityType: null };
}

/** The enterprise already holding this key, if any: dedup is by credit code (or 注册号). */
export function enterpriseByKey(ctx: ServiceContext, key: { creditCode: string | null; registrationNumber: string | null }): EnterpriseRow | undefined {
  const { db } = ctx.database();
  const where = key.creditCode ? eq(enterprises.creditCode, key.creditCode) : eq(enterprises.registrationNumber, key.registrationNumber ?? '');
  return db.select().from(enterprises).where(where).get();
}

export function contactPhone(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const phone = normalizeMobile(value);
  // Enterprises also give landlines (0512-66881234): kept as typed, digits and hyphens only.
  if (phone) return phone;
  const landline = value.replace(/\s+/g, '');
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,5})?$/.test(landline)) return landline;
  throw fieldError(field, '应为11位手机号码或带区号的固定电话（如 0512-66881234）', '联系电话');
}

/** What the contract cannot check alone: townships of this county; the section follows the division. */
export function cleanEnterpriseChanges(ctx: ServiceContext, input: EnterpriseChanges): Writable {
  const out: Writable = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = typeof value === 'string' && value === '' ? null : value;
  }
  if (out.townshipCode && !divisionNames(ctx).has(out.townshipCode)) throw fieldError('townshipCode', '不是本县的乡镇（街道）', '所在乡镇（街道）');
  if (out.industryDivision !== undefined) out.industrySection = out.industryDivision ? industrySectionOf(out.industryDivision) : null;
  return out;
}

export function addHeadcount(ctx: ServiceContext, enterpriseId: number, asOf: string, insuredCount: number, source: typeof enterpriseHeadcounts.$inferInsert.source, visitId: number | null = null): void {
  if (asOf > ctx.today) throw fieldError('asOf', '日期不能晚于今天', '参保人数日期');
  ctx.database().db.insert(enterpriseHeadcounts).values({ enterpriseId, asOf, insuredCount, source, visitId, recordedAt: ctx.now.toISOString(), recordedBy: actorUserId(ctx) }).run();
}

export function register(ctx: ServiceContext, input: ParsedInputOf<'enterprises.register'>): EnterpriseView {
  const { db } = ctx.database();
  const key = enterpriseKeyOf(input.creditCode);
  const existing = enterpriseByKey(ctx, key);
  if (existing) {
    throw new AppError('DUPLICATE', `该${key.creditCode ? '统一社会信用代码' : '注册号'}已登记（${existing.name}），请打开已有档案`, {
      fields: { creditCode: '已登记' },
      details: { enterpriseId: existing.id },
    });
  }
  const { creditCode: _raw, entityType, formerNames, insuredCount, headcountAsOf, contacts, ...changes } = input;
  const fields = cleanEnterpriseChanges(ctx, changes);
  const phones = (contacts ?? []).map((c, i) => contactPhone(`contacts.${i}.phone`, c.phone));
  const at = ctx.now.toISOString();
  const row = db
    .insert(enterprises)
    .values({ ...fields, name: input.name, ...key, entityType: key.entityType ?? entityType ?? 'enterprise', ...createdStamps(ctx) })
    .returning()
    .get();
  for (const name of new Set(formerNames ?? [])) {
    if (name !== row.name) db.insert(enterpriseFormerNames).values({ enterpriseId: row.id, name, recordedAt: at, recordedBy: actorUserId(ctx) }).run();
  }
  (contacts ?? []).forEach((c, i) =>
    db.insert(enterpriseContacts).values({ enterpriseId: row.id, name: c.name, position: c.position ?? null, phone: phones[i] ?? null, ...createdStamps(ctx) }).run(),
  );
  if (insuredCount !== undefined && insuredCount !== null) addHeadcount(ctx, row.id, headcountAsOf ?? ctx.today, insuredCount, 'register');
  ctx.audit({ action: 'enterprises.register', entityType: 'enterprise', entityId: row.id, after: row });
  return enterpriseView(ctx, row);
}

export function get(ctx: ServiceContext, input: ParsedInputOf<'enterprises.get'>): EnterpriseView {
  return enterpriseView(ctx, requireEnterprise(ctx, input.id));
}

/**
 * A correction with a reason; every changed field keeps its history, and a
 * new name keeps the old one as a former name (曾用名) so it still finds the enterprise.
 */
export function update(ctx: ServiceContext, input: ParsedInputOf<'enterprises.update'>): EnterpriseView {
  const { db } = ctx.database();
  const before = requireEnterprise(ctx, input.id);
  const fields = cleanEnterpriseChanges(ctx, input.changes);
  const changed = fieldsToCorrect(fields, before, 'industrySection');
  const after = updateVersioned(ctx, enterprises, before, input.version, fields, {
    message: '该企业信息已被他人修改，您的修改未保存。请刷新后重新修改。',
    details: { currentVersion: before.version },
  });
  recordCorrections(ctx, 'enterprise', after.id, fieldChanges(changed, before, after), input.reason);
  if (changed.includes('name')) db.insert(enterpriseFormerNames).values({ enterpriseId: after.id, name: before.name, recordedAt: ctx.now.toISOString(), recordedBy: actorUserId(ctx) }).run();
  ctx.audit({ action: 'enterprises.update', entityType: 'enterprise', entityId: after.id, before, after, detail: { changedFields: changed, reason: input.reason } });
  return enterpriseView(ctx, after);
}

/** The history of the entry's fields, values as staff read them (names for codes). */
export function corrections(ctx: ServiceContext, input: ParsedInputOf<'enterprises.corrections'>): FieldCorrection[] {
  requireEnterprise(ctx, input.id);
  const names = divisionNames(ctx);
  return correctionHistory(ctx, 'enterprise', input.id, (field, value) => enterpriseValueText(field, value, names));
}

export function addContact(ctx: ServiceContext, input: ParsedInputOf<'enterprises.addContact'>): EnterpriseView {
  const row = requireEnterprise(ctx, input.enterpriseId);
  const phone = contactPhone('phone', input.phone);
  const added = ctx
    .database()
    .db.insert(enterpriseContacts)
    .values({ enterpriseId: row.id, name: input.name, position: input.position ?? null, phone, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'enterprises.addContact', entityType: 'enterprise', entityId: row.id, detail: { contactId: added.id, phone: phone ? maskPhone(phone) : null } });
  return enterpriseView(ctx, row);
}

export function setContactActive(ctx: ServiceContext, input: ParsedInputOf<'enterprises.setContactActive'>): EnterpriseView {
  const { db } = ctx.database();
  const contact = db.select().from(enterpriseContacts).where(eq(enterpriseContacts.id, input.id)).get();
  if (!contact) throw new AppError('NOT_FOUND', `没有编号为 ${input.id} 的联系人`);
  updateVersioned(ctx, enterpriseContacts, contact, input.version, { active: input.active }, '该联系人已被他人修改，请刷新后重试。');
  ctx.audit({ action: 'enterprises.setContactActive', entityType: 'enterprise', entityId: contact.enterpriseId, detail: { contactId: contact.id, active: input.active, reason: input.reason } });
  return enterpriseView(ctx, requireEnterprise(ctx, contact.enterpriseId));
}

/** A contact's full phone, for this contact only; the reveal itself is audited. */
export function revealContact(ctx: ServiceContext, input: ParsedInputOf<'enterprises.revealContact'>): { value: string | null } {
  const contact = ctx.database().db.select().from(enterpriseContacts).where(eq(enterpriseContacts.id, input.contactId)).get();
  if (!contact) throw new AppError('NOT_FOUND', `没有编号为 ${input.contactId} 的联系人`);
  ctx.audit({ action: 'enterprises.revealContact', entityType: 'enterprise', entityId: contact.enterpriseId, detail: { contactId: contact.id } });
  return { value: contact.phone };
}

export function recordHeadcount(ctx: ServiceContext, input: ParsedInputOf<'enterprises.recordHeadcount'>): EnterpriseView {
  const row = requireEnterprise(ctx, input.enterpriseId);
  addHeadcount(ctx, row.id, input.asOf, input.insuredCount, 'manual');
  ctx.audit({ action: 'enterprises.recordHeadcount', entityType: 'enterprise', entityId: row.id, detail: { asOf: input.asOf, insuredCount: input.insuredCount } });
  return enterpriseView(ctx, row);
}
