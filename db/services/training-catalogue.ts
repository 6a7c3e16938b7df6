import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ParsedInputOf, TrainingClassView, TrainingProgrammeView, TrainingProviderView } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/masking';
import { normalizeMobile } from '../../shared/domain/phone';
import {
  CLASS_STATUSES, SKILL_LEVELS, TRAINING_ELIGIBILITY, TRAINING_KINDS, classProblems, normalizeProviderCreditCode, programmeProblems, providerCreditCodeProblem,
  trainingLabel, type Problems,
} from '../../shared/domain/training';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { trainingClasses, trainingEnrolments, trainingProgrammes, trainingProviders } from '../schema';
import { createdStamps } from './row-stamps';

type ProviderRow = typeof trainingProviders.$inferSelect;
type ProgrammeRow = typeof trainingProgrammes.$inferSelect;
type ClassRow = typeof trainingClasses.$inferSelect;

/** Refuses with every problem named by its field's Chinese label; nothing has been written yet. */
export function refuseProblems(problems: Problems, labels: Record<string, string>): void {
  const entries = Object.entries(problems);
  if (entries.length === 0) return;
  throw new AppError('BAD_INPUT', entries.map(([field, message]) => `${labels[field] ?? field}：${message}`).join('；'), { fields: problems });
}

function providerView(row: ProviderRow, programmes: number): TrainingProviderView {
  return {
    id: row.id, name: row.name, creditCode: row.creditCode, address: row.address, contactName: row.contactName,
    contactPhoneMasked: row.contactPhone ? maskPhone(row.contactPhone) : null, status: row.status, programmes, version: row.version,
  };
}

export function programmeView(row: ProgrammeRow, providerName: string): TrainingProgrammeView {
  return {
    id: row.id, providerId: row.providerId, providerName, name: row.name, occupationCode: row.occupationCode, skill: row.skill,
    level: row.level, levelLabel: trainingLabel(SKILL_LEVELS, row.level), kind: row.kind, kindLabel: trainingLabel(TRAINING_KINDS, row.kind),
    eligibility: row.eligibility, eligibilityLabel: trainingLabel(TRAINING_ELIGIBILITY, row.eligibility), hours: row.hours,
    subsidyPerPersonFen: row.subsidyPerPersonFen, validFrom: row.validFrom, validTo: row.validTo, version: row.version,
  };
}

export function listProviders(ctx: ServiceContext): TrainingProviderView[] {
  const { db } = ctx.database();
  const counts = new Map(db.select({ id: trainingProgrammes.providerId, n: count() }).from(trainingProgrammes).groupBy(trainingProgrammes.providerId).all().map((r) => [r.id, r.n]));
  return db.select().from(trainingProviders).orderBy(asc(trainingProviders.name)).all().map((p) => providerView(p, counts.get(p.id) ?? 0));
}

const PROVIDER_LABELS = { name: '机构名称', creditCode: '统一社会信用代码', contactPhone: '联系电话' };

export function createProvider(ctx: ServiceContext, input: ParsedInputOf<'training.createProvider'>): TrainingProviderView {
  const { db } = ctx.database();
  const problems: Problems = {};
  const codeProblem = providerCreditCodeProblem(input.creditCode);
  if (codeProblem) problems.creditCode = codeProblem;
  const creditCode = normalizeProviderCreditCode(input.creditCode);
  let phone: string | null = null;
  if (input.contactPhone) {
    phone = normalizeMobile(input.contactPhone);
    if (!phone) problems.contactPhone = '手机号码格式不正确（11位，以1开头）';
  }
  refuseProblems(problems, PROVIDER_LABELS);
  const existing = db.select({ name: trainingProviders.name }).from(trainingProviders).where(eq(trainingProviders.creditCode, creditCode)).get();
  if (existing) refuseProblems({ creditCode: `该统一社会信用代码已登记为“${existing.name}”` }, PROVIDER_LABELS);
  const row = db
    .insert(trainingProviders)
    .values({ name: input.name, creditCode, address: input.address || null, contactName: input.contactName || null, contactPhone: phone, ...createdStamps(ctx) })
    .returning()
    .get();
  ctx.audit({ action: 'training.createProvider', entityType: 'training_provider', entityId: row.id, detail: { name: row.name, creditCode } });
  return providerView(row, 0);
}

function providerNames(ctx: ServiceContext, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(ctx.database().db.select({ id: trainingProviders.id, name: trainingProviders.name }).from(trainingProviders).where(inArray(trainingProviders.id, [...new Set(ids)])).all().map((p) => [p.id, p.name]));
}

export function listProgrammes(ctx: ServiceContext, input: ParsedInputOf<'training.listProgrammes'>): TrainingProgrammeView[] {
  const rows = ctx.database().db.select().from(trainingProgrammes).where(input.providerId ? eq(trainingProgrammes.providerId, input.providerId) : undefined).orderBy(desc(trainingProgrammes.validTo), asc(trainingProgrammes.name)).all();
  const names = providerNames(ctx, rows.map((r) => r.providerId));
  return rows.map((r) => programmeView(r, names.get(r.providerId) ?? ''));
}

const PROGRAMME_LABELS = { providerId: '培训机构', validTo: '有效期止', eligibility: '培训对象' };

export function createProgramme(ctx: ServiceContext, input: ParsedInputOf<'training.createProgramme'>): TrainingProgrammeView {
  const { db } = ctx.database();
  const provider = db.select().from(trainingProviders).where(eq(trainingProviders.id, input.providerId)).get();
  if (!provider) refuseProblems({ providerId: `没有编号为 ${input.providerId} 的培训机构` }, PROGRAMME_LABELS);
  if (provider!.status !== 'active') refuseProblems({ providerId: `培训机构“${provider!.name}”已暂停，不能新增项目` }, PROGRAMME_LABELS);
  refuseProblems(programmeProblems(input), PROGRAMME_LABELS);
  const row = db.insert(trainingProgrammes).values({ ...input, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'training.createProgramme', entityType: 'training_programme', entityId: row.id, detail: { name: row.name, kind: row.kind, subsidyPerPersonFen: row.subsidyPerPersonFen } });
  return programmeView(row, provider!.name);
}

/** Classes with their programme, provider and head count, as lists and pages show them. */
export function classViews(ctx: ServiceContext, rows: ClassRow[]): TrainingClassView[] {
  const { db } = ctx.database();
  if (rows.length === 0) return [];
  const programmes = new Map(db.select().from(trainingProgrammes).where(inArray(trainingProgrammes.id, [...new Set(rows.map((r) => r.programmeId))])).all().map((p) => [p.id, p]));
  const names = providerNames(ctx, [...programmes.values()].map((p) => p.providerId));
  const enrolled = new Map(
    db.select({ id: trainingEnrolments.classId, n: count() }).from(trainingEnrolments)
      .where(and(inArray(trainingEnrolments.classId, rows.map((r) => r.id)), ne(trainingEnrolments.status, 'withdrawn')))
      .groupBy(trainingEnrolments.classId).all().map((r) => [r.id, r.n]),
  );
  return rows.map((r) => {
    const p = programmes.get(r.programmeId)!;
    return {
      id: r.id, programmeId: r.programmeId, programmeName: p.name, providerName: names.get(p.providerId) ?? '', kind: p.kind, kindLabel: trainingLabel(TRAINING_KINDS, p.kind),
      classNumber: r.classNumber, startDate: r.startDate, endDate: r.endDate, place: r.place, teacher: r.teacher, capacity: r.capacity,
      enrolled: enrolled.get(r.id) ?? 0, status: r.status, statusLabel: trainingLabel(CLASS_STATUSES, r.status), version: r.version,
    };
  });
}

export function listClasses(ctx: ServiceContext, input: ParsedInputOf<'training.listClasses'>): TrainingClassView[] {
  const rows = ctx.database().db.select().from(trainingClasses).where(input.programmeId ? eq(trainingClasses.programmeId, input.programmeId) : undefined).orderBy(desc(trainingClasses.startDate), desc(trainingClasses.id)).limit(500).all();
  return classViews(ctx, rows);
}

const CLASS_LABELS = { programmeId: '培训项目', classNumber: '期次编号', startDate: '开始日期', endDate: '结束日期' };

export function createClass(ctx: ServiceContext, input: ParsedInputOf<'training.createClass'>): TrainingClassView {
  const { db } = ctx.database();
  const programme = db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, input.programmeId)).get();
  if (!programme) refuseProblems({ programmeId: `没有编号为 ${input.programmeId} 的培训项目` }, CLASS_LABELS);
  refuseProblems(classProblems(input, programme!), CLASS_LABELS);
  if (db.select({ id: trainingClasses.id }).from(trainingClasses).where(eq(trainingClasses.classNumber, input.classNumber)).get()) {
    refuseProblems({ classNumber: `期次编号“${input.classNumber}”已被使用` }, CLASS_LABELS);
  }
  const row = db.insert(trainingClasses).values({ ...input, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'training.createClass', entityType: 'training_class', entityId: row.id, detail: { classNumber: row.classNumber, startDate: row.startDate, endDate: row.endDate } });
  return classViews(ctx, [row])[0]!;
}
