import { and, eq, gte } from 'drizzle-orm';
import type { JobView, ParsedInputOf } from '../../shared/contract';
import { checkVacancyRows, VACANCY_IMPORT_COLUMNS } from '../../shared/domain/enterprise-import';
import type { ServiceContext } from '../context';
import { importTemplate as template, NO_OPTIONS, startImport, type ApplyCounts, type ImportKind, type ValidRow } from '../import/run-import';
import { enterprises, vacancies } from '../schema';
import { insertVacancy } from './vacancies';
import { updatedStamps } from './row-stamps';

function vacancyFacts(record: Record<string, string | null>) {
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    title: record.title!, occupationCode: record.occupationCode!, openings: Number(record.openings), salaryMinFen: num(record.salaryMin), salaryMaxFen: num(record.salaryMax),
    educationCode: record.education ?? null, experienceYears: num(record.experienceYears), requirements: record.requirements ?? null, workPlace: record.workPlace ?? null,
    ...(record.validTo ? { validTo: record.validTo } : {}),
  };
}

/** An open vacancy of the same enterprise and title is the same vacancy: updated when its facts differ, else unchanged. */
function applyVacancies(ctx: ServiceContext, valid: ValidRow[], writes: boolean): ApplyCounts {
  const { db } = ctx.database();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const { record } of valid) {
    const facts = vacancyFacts(record);
    const enterpriseId = Number(record.enterpriseId);
    const current = db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.enterpriseId, enterpriseId), eq(vacancies.title, facts.title), eq(vacancies.status, 'open'), gte(vacancies.validTo, ctx.today)))
      .get();
    if (!current) {
      counts.created += 1;
      if (writes) insertVacancy(ctx, enterpriseId, facts, 'import', null);
      continue;
    }
    const changes = Object.fromEntries(Object.entries(facts).filter(([k, v]) => current[k as keyof typeof current] !== v));
    if (Object.keys(changes).length === 0) {
      counts.unchanged += 1;
      continue;
    }
    counts.updated += 1;
    if (!writes) continue;
    const after = db.update(vacancies).set({ ...changes, ...updatedStamps(ctx, current) }).where(eq(vacancies.id, current.id)).returning().get();
    ctx.audit({ action: 'vacancies.update', entityType: 'vacancy', entityId: current.id, before: current, after, detail: { changedFields: Object.keys(changes), source: 'import' } });
  }
  return counts;
}

export const VACANCY_IMPORT: ImportKind = {
  name: 'vacancies.import',
  columns: VACANCY_IMPORT_COLUMNS,
  options: NO_OPTIONS,
  check: (ctx, sheet, mapping) => {
    const known = new Map<string, number>();
    for (const e of ctx.database().db.select({ id: enterprises.id, creditCode: enterprises.creditCode, registrationNumber: enterprises.registrationNumber }).from(enterprises).where(eq(enterprises.status, 'active')).all()) {
      known.set(e.creditCode ?? e.registrationNumber ?? '', e.id);
    }
    return checkVacancyRows(sheet, ctx.today, (key) => known.get(key) ?? null, mapping);
  },
  apply: (ctx, valid, writes) => applyVacancies(ctx, valid, writes),
};

export function importStart(ctx: ServiceContext, input: ParsedInputOf<'vacancies.importStart'>): JobView {
  return startImport(ctx, VACANCY_IMPORT, input);
}

export function importTemplate(): { fileName: string; base64: string } {
  return template(VACANCY_IMPORT, '岗位信息', '岗位导入模板.xlsx', ['creditCode', 'occupationCode']);
}
