import { and, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { EnterpriseView, HeadcountEntry } from '../../shared/contract';
import { ENTITY_TYPE_LABELS, decodeEntityType, type EntityType } from '../../shared/domain/credit-code';
import { industryDivisionLabel, industrySectionLabel } from '../../shared/domain/industry';
import { maskPhone } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { enterpriseContacts, enterpriseFormerNames, enterpriseHeadcounts, enterprises, enterpriseVisits, users } from '../schema';
import { divisionNames } from './person-view';

export type EnterpriseRow = typeof enterprises.$inferSelect;

export function requireEnterprise(ctx: ServiceContext, id: number): EnterpriseRow {
  const row = ctx.database().db.select().from(enterprises).where(eq(enterprises.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的企业`);
  return row;
}

/** 个体工商户 read as 个体工商户, an 91… code as 企业; without a code, the type staff chose. */
export function entityLabelOf(row: Pick<EnterpriseRow, 'creditCode' | 'entityType'>): string {
  return row.creditCode ? decodeEntityType(row.creditCode).label : ENTITY_TYPE_LABELS[row.entityType as EntityType] ?? row.entityType;
}

function headcounts(ctx: ServiceContext, enterpriseId: number): HeadcountEntry[] {
  return ctx
    .database()
    .db.select({ asOf: enterpriseHeadcounts.asOf, insuredCount: enterpriseHeadcounts.insuredCount, source: enterpriseHeadcounts.source, recordedBy: users.displayName })
    .from(enterpriseHeadcounts)
    .leftJoin(users, eq(users.id, enterpriseHeadcounts.recordedBy))
    .where(eq(enterpriseHeadcounts.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseHeadcounts.asOf), desc(enterpriseHeadcounts.id))
    .all();
}

/** Date of the latest visit (not cancelled) of each enterprise. */
export function lastVisitDates(ctx: ServiceContext, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = ctx
    .database()
    .db.select({ id: enterpriseVisits.enterpriseId, last: max(enterpriseVisits.visitDate) })
    .from(enterpriseVisits)
    .where(and(inArray(enterpriseVisits.enterpriseId, ids), isNull(enterpriseVisits.cancelledAt)))
    .groupBy(enterpriseVisits.enterpriseId)
    .all();
  return new Map(rows.flatMap((r) => (r.last ? [[r.id, r.last] as const] : [])));
}

/** The latest insured headcount of each enterprise. */
export function latestHeadcounts(ctx: ServiceContext, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const { db } = ctx.database();
  const h = alias(enterpriseHeadcounts, 'h');
  const latest = db.select({ id: h.id }).from(h).where(eq(h.enterpriseId, enterpriseHeadcounts.enterpriseId)).orderBy(desc(h.asOf), desc(h.id)).limit(1);
  const rows = db
    .select({ id: enterpriseHeadcounts.enterpriseId, count: enterpriseHeadcounts.insuredCount })
    .from(enterpriseHeadcounts)
    .where(
      and(
        inArray(enterpriseHeadcounts.enterpriseId, ids),
        eq(enterpriseHeadcounts.id, latest),
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.count]));
}

export function enterpriseView(ctx: ServiceContext, row: EnterpriseRow): EnterpriseView {
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const history = headcounts(ctx, row.id);
  return {
    id: row.id,
    creditCode: row.creditCode,
    registrationNumber: row.registrationNumber,
    name: row.name,
    formerNames: db
      .select({ name: enterpriseFormerNames.name, recordedAt: enterpriseFormerNames.recordedAt })
      .from(enterpriseFormerNames)
      .where(eq(enterpriseFormerNames.enterpriseId, row.id))
      .orderBy(desc(enterpriseFormerNames.id))
      .all(),
    entityType: row.entityType as EntityType,
    entityLabel: entityLabelOf(row),
    industrySection: row.industrySection,
    industrySectionLabel: row.industrySection ? industrySectionLabel(row.industrySection) : null,
    industryDivision: row.industryDivision,
    industryDivisionLabel: row.industryDivision ? industryDivisionLabel(row.industryDivision) : null,
    ownershipCode: row.ownershipCode,
    sizeClass: row.sizeClass,
    address: row.address,
    townshipCode: row.townshipCode,
    townshipName: row.townshipCode ? (names.get(row.townshipCode) ?? null) : null,
    isDigitalTransformation: row.isDigitalTransformation,
    isSpecialized: row.isSpecialized,
    isKeyEnterprise: row.isKeyEnterprise,
    isLabourIntensive: row.isLabourIntensive,
    status: row.status,
    insuredHeadcount: history[0] ?? null,
    headcountHistory: history,
    contacts: db
      .select()
      .from(enterpriseContacts)
      .where(eq(enterpriseContacts.enterpriseId, row.id))
      .orderBy(desc(enterpriseContacts.active), enterpriseContacts.id)
      .all()
      .map((c) => ({ id: c.id, name: c.name, position: c.position, phoneMasked: c.phone ? maskPhone(c.phone) : null, active: c.active, version: c.version })),
    lastVisitDate: lastVisitDates(ctx, [row.id]).get(row.id) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
