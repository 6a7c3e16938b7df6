import { labelOf } from '../../shared/domain/enterprise-codes';
import { FAIR_CAMPAIGNS, FAIR_CHANNELS, FAIR_STATUSES, FAIR_TARGET_GROUPS, INTENTION_OUTCOMES } from '../../shared/domain/fair-codes';

const options = (table: ReadonlyArray<readonly [string, string]>) => table.map(([value, label]) => ({ value, label }));

export const CAMPAIGN_OPTIONS = options(FAIR_CAMPAIGNS);
export const TARGET_GROUP_OPTIONS = options(FAIR_TARGET_GROUPS);
export const CHANNEL_OPTIONS = options(FAIR_CHANNELS);
export const STATUS_OPTIONS = options(FAIR_STATUSES);
export const OUTCOME_OPTIONS = options(INTENTION_OUTCOMES);

export const campaignLabel = (code: string) => labelOf(FAIR_CAMPAIGNS, code);
export const targetGroupLabel = (code: string) => labelOf(FAIR_TARGET_GROUPS, code);
export const channelLabel = (code: string) => labelOf(FAIR_CHANNELS, code);
export const statusLabel = (code: string) => labelOf(FAIR_STATUSES, code);
export const outcomeLabel = (code: string) => labelOf(INTENTION_OUTCOMES, code);
export const STATUS_COLORS: Record<string, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };

/** 2026-11-27 or 2026-11-27 至 2026-11-29. */
export function fairDates(f: { startDate: string; endDate: string | null }): string {
  return f.endDate ? `${f.startDate} 至 ${f.endDate}` : f.startDate;
}
