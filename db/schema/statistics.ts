import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';

/**
 * Figures the monthly report (就业失业情况月报) needs but the desk cannot
 * count: entered per reporting period by the head or the administrator, and
 * audited. `period` is the month whose 20th ends the period (2026-11 =
 * 2026-10-21 … 2026-11-20).
 */
export const statisticsExternalFigures = sqliteTable('statistics_external_figures', {
  period: text('period').primaryKey(),
  /** 城镇从业人员数 (persons), from the statistics bureau; the denominator of 城镇登记失业率. */
  urbanEmployed: integer('urban_employed'),
  /** 城镇调查失业率 in hundredths of a percent (5.10% = 510): shown as entered, never computed. */
  surveyedUnemploymentRateBp: integer('surveyed_unemployment_rate_bp'),
  /** 自然减员 (persons) subtracted from the newly employed. */
  naturalAttrition: integer('natural_attrition').notNull().default(0),
  ...rowMeta,
});
