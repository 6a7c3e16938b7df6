import { eq } from 'drizzle-orm';
import type { ExternalFigures, ParsedInputOf } from '../../shared/contract';
import { formatHundredths, parsePercentHundredths, reportPeriod } from '../../shared/domain/statistics';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { statisticsExternalFigures, users } from '../schema';
import { createdStamps, updatedStamps } from './row-stamps';

/**
 * The monthly report's external figures (城镇从业人员数, 城镇调查失业率, 自然减员),
 * one row per period, entered by the head or the administrator; every save is
 * audited with the values before and after.
 */
export function externalFigures(ctx: ServiceContext, period: string): ExternalFigures {
  const row = ctx
    .database()
    .db.select({ f: statisticsExternalFigures, by: users.displayName })
    .from(statisticsExternalFigures)
    .leftJoin(users, eq(users.id, statisticsExternalFigures.updatedBy))
    .where(eq(statisticsExternalFigures.period, period))
    .get();
  if (!row) return { period, urbanEmployed: null, surveyedUnemploymentRate: null, naturalAttrition: 0, version: null, updatedAt: null, updatedByName: null };
  const { f } = row;
  return {
    period,
    urbanEmployed: f.urbanEmployed,
    surveyedUnemploymentRate: f.surveyedUnemploymentRateBp === null ? null : formatHundredths(f.surveyedUnemploymentRateBp),
    naturalAttrition: f.naturalAttrition,
    version: f.version,
    updatedAt: f.updatedAt,
    updatedByName: row.by,
  };
}

export function getExternalFigures(ctx: ServiceContext, input: ParsedInputOf<'reports.externalFigures'>): ExternalFigures {
  return externalFigures(ctx, reportPeriod(input.period).code);
}

export function saveExternalFigures(ctx: ServiceContext, input: ParsedInputOf<'reports.saveExternalFigures'>): ExternalFigures {
  const { db } = ctx.database();
  const before = externalFigures(ctx, input.period);
  if (before.version !== input.version) throw new AppError('CONFLICT', '该报告期的外部数据已被他人修改，请刷新后重试');
  let rateBp: number | null = null;
  if (input.surveyedUnemploymentRate !== null) {
    rateBp = parsePercentHundredths(input.surveyedUnemploymentRate);
    if (rateBp === null || rateBp > 10000) throw new AppError('BAD_INPUT', '调查失业率应为0—100之间的百分数，如 5.1', { fields: { surveyedUnemploymentRate: '应为0—100之间的百分数' } });
  }
  const figures = { urbanEmployed: input.urbanEmployed, surveyedUnemploymentRateBp: rateBp, naturalAttrition: input.naturalAttrition };
  if (before.version === null) {
    db.insert(statisticsExternalFigures).values({ period: input.period, ...figures, ...createdStamps(ctx) }).run();
  } else {
    db.update(statisticsExternalFigures).set({ ...figures, ...updatedStamps(ctx, { version: before.version }) }).where(eq(statisticsExternalFigures.period, input.period)).run();
  }
  const after = externalFigures(ctx, input.period);
  const strip = ({ urbanEmployed, surveyedUnemploymentRate, naturalAttrition }: ExternalFigures) => ({ urbanEmployed, surveyedUnemploymentRate, naturalAttrition });
  ctx.audit({ action: 'reports.saveExternalFigures', entityType: 'statistics_period', entityId: input.period, detail: { before: strip(before), after: strip(after) } });
  return after;
}
