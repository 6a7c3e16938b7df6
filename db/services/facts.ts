/**
 * What the department data says, read back: the history of imported files
 * (部门数据导入记录) and one person's data for the profile — per source the
 * latest file that lists the person.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { FactImportView, ParsedInputOf, PersonFactRow, PersonFactSource } from '../../shared/contract';
import { ASSISTANCE_KINDS, DISABILITY_CATEGORIES, DISABILITY_GRADES, FACT_SOURCE_INFO, factSourceLabel, labelOf, type FactSource } from '../../shared/domain/department-facts';
import { maskIdNumber } from '../../shared/domain/masking';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { enterprises, factImports, persons, personAssistance, personBusinesses, personDeaths, personDisabilities, personInsurance, users } from '../schema';

export function imports(ctx: ServiceContext, input: ParsedInputOf<'facts.imports'>): { items: FactImportView[]; total: number } {
  const { db } = ctx.database();
  const where: SQL | undefined = input.source ? eq(factImports.source, input.source) : undefined;
  const total = db.select({ n: count() }).from(factImports).where(where).get()?.n ?? 0;
  const rows = db
    .select({ row: factImports, importedByName: users.displayName })
    .from(factImports)
    .leftJoin(users, eq(users.id, factImports.importedBy))
    .where(where)
    .orderBy(desc(factImports.importedAt), desc(factImports.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return {
    total,
    items: rows.map(({ row, importedByName }) => ({
      id: row.id, source: row.source, sourceLabel: factSourceLabel(row.source), asOf: row.asOf, fileName: row.fileName,
      rows: row.rows, matched: row.matched, unmatched: row.unmatched, invalid: row.rows - row.matched - row.unmatched,
      importedAt: row.importedAt, importedByName: importedByName ?? null,
    })),
  };
}

type PersonSource = Exclude<FactSource, 'employer_insurance'>;

/** Each person source's rows of one person in one import, as the profile shows them. */
const ROWS_OF: Record<PersonSource, (ctx: ServiceContext, personId: number, importId: number) => PersonFactRow[]> = {
  person_insurance: (ctx, personId, importId) =>
    ctx.database().db
      .select({ row: personInsurance, employerName: enterprises.name })
      .from(personInsurance)
      .leftJoin(enterprises, eq(enterprises.id, personInsurance.enterpriseId))
      .where(and(eq(personInsurance.personId, personId), eq(personInsurance.importId, importId)))
      .all()
      .map(({ row, employerName }) => ({
        source: 'person_insurance', monthsTotal: row.monthsTotal, monthsLast12: row.monthsLast12, employerCreditCode: row.employerCreditCode,
        employerName: employerName ?? null, enterpriseId: row.enterpriseId, employerSince: row.employerSince,
      })),
  assistance: (ctx, personId, importId) =>
    ctx.database().db.select().from(personAssistance).where(and(eq(personAssistance.personId, personId), eq(personAssistance.importId, importId))).all()
      .map((r) => ({ source: 'assistance', kind: r.kind, kindLabel: labelOf(ASSISTANCE_KINDS, r.kind)!, fromDate: r.fromDate, toDate: r.toDate })),
  deaths: (ctx, personId, importId) =>
    ctx.database().db.select().from(personDeaths).where(and(eq(personDeaths.personId, personId), eq(personDeaths.importId, importId))).all()
      .map((r) => ({ source: 'deaths', diedOn: r.diedOn })),
  business_registrations: (ctx, personId, importId) =>
    ctx.database().db.select().from(personBusinesses).where(and(eq(personBusinesses.personId, personId), eq(personBusinesses.importId, importId))).all()
      .map((r) => ({ source: 'business_registrations', creditCode: r.creditCode, businessName: r.businessName, foundedOn: r.foundedOn, operating: r.operating, enterpriseId: r.enterpriseId })),
  disability_certificates: (ctx, personId, importId) =>
    ctx.database().db.select().from(personDisabilities).where(and(eq(personDisabilities.personId, personId), eq(personDisabilities.importId, importId))).all()
      .map((r) => ({
        source: 'disability_certificates', certificateNoMasked: maskIdNumber(r.certificateNo),
        categoryLabel: labelOf(DISABILITY_CATEGORIES, r.category), gradeLabel: labelOf(DISABILITY_GRADES, r.grade), validTo: r.validTo,
      })),
};

/** Each person source's table, by its links to the person and to the import. */
const LINKS_OF: Record<PersonSource, { table: SQLiteTable; personId: SQLiteColumn; importId: SQLiteColumn }> = {
  person_insurance: { table: personInsurance, personId: personInsurance.personId, importId: personInsurance.importId },
  assistance: { table: personAssistance, personId: personAssistance.personId, importId: personAssistance.importId },
  deaths: { table: personDeaths, personId: personDeaths.personId, importId: personDeaths.importId },
  business_registrations: { table: personBusinesses, personId: personBusinesses.personId, importId: personBusinesses.importId },
  disability_certificates: { table: personDisabilities, personId: personDisabilities.personId, importId: personDisabilities.importId },
};

/** A person's department data: per source, the latest file (by 数据截止日期) that lists the person. */
export function forPerson(ctx: ServiceContext, input: ParsedInputOf<'facts.forPerson'>): PersonFactSource[] {
  const { db } = ctx.database();
  if (!db.select({ id: persons.id }).from(persons).where(eq(persons.id, input.personId)).get()) throw new AppError('NOT_FOUND', '没有找到该人员');
  const result: PersonFactSource[] = [];
  for (const source of Object.keys(LINKS_OF) as PersonSource[]) {
    const link = LINKS_OF[source];
    const found = db
      .select({ id: factImports.id, asOf: factImports.asOf })
      .from(link.table)
      .innerJoin(factImports, eq(factImports.id, link.importId))
      .where(eq(link.personId, input.personId))
      .orderBy(desc(factImports.asOf), desc(factImports.id))
      .limit(1)
      .get();
    if (!found) continue;
    const latest = db.select({ id: factImports.id, asOf: factImports.asOf }).from(factImports).where(eq(factImports.source, source)).orderBy(desc(factImports.asOf), desc(factImports.id)).limit(1).get();
    // Ordered alike, a different latest file is a later one that no longer lists the person.
    const absent = FACT_SOURCE_INFO[source].complete && latest !== undefined && latest.id !== found.id;
    result.push({
      source, sourceLabel: factSourceLabel(source), importId: found.id, asOf: found.asOf,
      rows: ROWS_OF[source](ctx, input.personId, found.id), absentFromLaterAsOf: absent ? latest.asOf : null,
    });
  }
  return result;
}
