/**
 * 满意度调查: a citizen's 1–5 rating of one service, with a comment, taken at
 * the window on the rating screen or by phone. Pure rules and words; the
 * service finds the served person and the staff member from the service itself.
 */
export const SATISFACTION_SERVICE_TYPES = [
  ['window_case', '窗口业务'], ['guidance_session', '职业指导'], ['fair_attendance', '招聘会'], ['payment', '补贴发放'],
] as const;
export type SatisfactionServiceType = (typeof SATISFACTION_SERVICE_TYPES)[number][0];

export const SATISFACTION_CHANNELS = [['window', '窗口评价器'], ['phone', '电话回访']] as const;
export type SatisfactionChannel = (typeof SATISFACTION_CHANNELS)[number][0];

/** The five answers as the screen shows them, 5 first. */
export const RATING_WORDS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '一般', 2: '不满意', 1: '非常不满意' };

export const RATING_RULE = '应为1–5分（1 非常不满意，5 非常满意）';

export interface RatingTally {
  count: number;
  /** Mean to two decimals, null for none. */
  average: number | null;
  /** Share of 4 and 5, in percent to one decimal, null for none. */
  satisfiedPercent: number | null;
  /** How many of each rating, index 0 = 1 分 … 4 = 5 分. */
  distribution: [number, number, number, number, number];
}

export function tallyRatings(ratings: readonly number[]): RatingTally {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of ratings) distribution[r - 1]! += 1;
  const count = ratings.length;
  if (count === 0) return { count, average: null, satisfiedPercent: null, distribution };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return {
    count,
    average: Math.round((sum / count) * 100) / 100,
    satisfiedPercent: Math.round(((distribution[3] + distribution[4]) / count) * 1000) / 10,
    distribution,
  };
}

/** The month a rating counts in (YYYY-MM of the day it was given). */
export function ratingMonth(ratedOn: string): string {
  return ratedOn.slice(0, 7);
}
