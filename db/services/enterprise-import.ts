import { eq, inArray, or } from 'drizzle-orm';
import type { JobView, ParsedInputOf } from '../../shared/contract';
import { checkEnterpriseRows, ENTERPRISE_IMPORT_COLUMNS } from '../../shared/domain/enterprise-import';
import { decodeEntityType } from '../../shared/domain/credit-code';
import { industrySectionOf } from '../../shared/domain/industry';
import { actorUserId, type ServiceContext } from '../context';
import { townshipInAddress } from '../divisions';
import { importTemplate as template, NO_OPTIONS, startImport, type ApplyCounts, type ImportKind, type ValidRow } from '../import/run-import';
import { enterpriseContacts, enterpriseFormerNames, enterprises } from '../schema';
import { fieldChanges, recordCorrections } from './corrections';
import { addHeadcount } from './enterprises';
import { latestHeadcounts, type EnterpriseRow } from './enterprise-view';
import { divisionNames } from './person-view';
import { createdStamps, updatedStamps } from './row-stamps';

type Imported = Pick<EnterpriseRow, 'name' | 'industryDivision' | 'industrySection' | 'ownershipCode' | 'sizeClass' | 'address' | 'townshipCode'>;

function toFields(record: Record<string, string | null>, names: Map<string, string>): Partial<Imported> {
  const fields: Partial<Imported> = {
    name: record.name ?? undefined,
    industryDivision: record.industry,
    industrySection: record.industry ? industrySectionOf(record.industry) : null,
    ownershipCode: record.ownership,
    sizeClass: record.sizeClass as Imported['sizeClass'],
    address: record.address,
    townshipCode: townshipInAddress(names, record.address ?? null, 'anywhere'),
  };
  // A blank cell never erases what the record already holds.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as Partial<Imported>;
}

function existingByKey(ctx: ServiceContext, valid: ValidRow[]): Map<string, EnterpriseRow> {
  const codes = valid.flatMap((v) => (v.record.creditCode ? [v.record.creditCode] : v.record.registrationNumber ? [v.record.registrationNumber] : []));
  const found = new Map<string, EnterpriseRow>();
  for (let i = 0; i < codes.length; i += 500) {
    const slice = codes.slice(i, i + 500);
    for (const row of ctx.database().db.select().from(enterprises).where(or(inArray(enterprises.creditCode, slice), inArray(enterprises.registrationNumber, slice))).all()) {
      found.set(row.creditCode ?? row.registrationNumber ?? '', row);
    }
  }
  return found;
}

/** Matches rows by credit code (dedup); creates new enterprises and corrects only changed fields, with history. */
function applyEnterprises(ctx: ServiceContext, valid: ValidRow[], writes: boolean, fileName: string): ApplyCounts {
  const { db } = ctx.database();
  const names = divisionNames(ctx);
  const existing = existingByKey(ctx, valid);
  const insured = latestHeadcounts(ctx, [...existing.values()].map((e) => e.id));
  const at = ctx.now.toISOString();
  const actorId = actorUserId(ctx);
  const stamps = createdStamps(ctx);
  const reason = `Excel 导入：${fileName}`;
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const { record } of valid) {
    const key = record.creditCode ?? record.registrationNumber!;
    const fields = toFields(record, names);
    const count = record.insuredCount === null || record.insuredCount === undefined ? null : Number(record.insuredCount);
    const current = existing.get(key);
    if (!current) {
      counts.created += 1;
      if (!writes) continue;
      const row = db
        .insert(enterprises)
        .values({
          ...fields, name: fields.name!, creditCode: record.creditCode ?? null, registrationNumber: record.registrationNumber ?? null,
          entityType: record.creditCode ? decodeEntityType(record.creditCode).entityType : 'enterprise',
          ...stamps,
        })
        .returning()
        .get();
      if (record.contactName || record.contactPhone) {
        db.insert(enterpriseContacts).values({ enterpriseId: row.id, name: record.contactName ?? '（未填姓名）', phone: record.contactPhone ?? null, ...stamps }).run();
      }
      if (count !== null) addHeadcount(ctx, row.id, ctx.today, count, 'import');
      ctx.audit({ action: 'enterprises.register', entityType: 'enterprise', entityId: row.id, after: row, detail: { source: 'import' } });
      continue;
    }
    const changed = (Object.keys(fields) as (keyof Imported)[]).filter((k) => k !== 'industrySection' && fields[k] !== current[k]);
    const headcountChanged = count !== null && insured.get(current.id) !== count;
    if (changed.length === 0 && !headcountChanged) {
      counts.unchanged += 1;
      continue;
    }
    counts.updated += 1;
    if (!writes) continue;
    if (headcountChanged) addHeadcount(ctx, current.id, ctx.today, count, 'import');
    if (changed.length === 0) continue;
    const after = db
      .update(enterprises)
      .set({ ...Object.fromEntries(changed.map((k) => [k, fields[k]])), ...(changed.includes('industryDivision') ? { industrySection: fields.industrySection } : {}), ...updatedStamps(ctx, current) })
      .where(eq(enterprises.id, current.id))
      .returning()
      .get();
    recordCorrections(ctx, 'enterprise', current.id, fieldChanges(changed, current, after), reason);
    if (changed.includes('name')) db.insert(enterpriseFormerNames).values({ enterpriseId: current.id, name: current.name, recordedAt: at, recordedBy: actorId }).run();
    ctx.audit({ action: 'enterprises.update', entityType: 'enterprise', entityId: current.id, before: current, after, detail: { changedFields: changed, reason } });
  }
  return counts;
}

export const ENTERPRISE_IMPORT: ImportKind = {
  name: 'enterprises.import',
  columns: ENTERPRISE_IMPORT_COLUMNS,
  options: NO_OPTIONS,
  check: (_ctx, sheet, mapping) => checkEnterpriseRows(sheet, mapping),
  apply: applyEnterprises,
};

export function importStart(ctx: ServiceContext, input: ParsedInputOf<'enterprises.importStart'>): JobView {
  return startImport(ctx, ENTERPRISE_IMPORT, input);
}

export function importTemplate(): { fileName: string; base64: string } {
  return template(ENTERPRISE_IMPORT, '企业名单', '企业导入模板.xlsx', ['creditCode', 'contactPhone']);
}
