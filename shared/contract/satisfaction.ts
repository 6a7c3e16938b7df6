import { z } from 'zod';
import { RATING_RULE, SATISFACTION_CHANNELS, SATISFACTION_SERVICE_TYPES } from '../domain/satisfaction';
import type { RatingTally, SatisfactionChannel, SatisfactionServiceType } from '../domain/satisfaction';
import { method } from './define';
import { codesOf, entityId, text } from './fields';

/** The service a rating is about, as the rating screen names it. */
export interface RatedServiceView {
  serviceType: SatisfactionServiceType;
  serviceTypeLabel: string;
  serviceId: number;
  /** What was done, in words: 失业登记（受理编号…）, 职业指导（窗口，45分钟）… */
  what: string;
  servedOn: string;
  personId: number;
  /** The person's name with all but the surname masked: the screen faces the public. */
  personNameMasked: string;
  staffUserId: number | null;
  staffName: string | null;
  /** Already rated: the rating, else null (a service is rated once). */
  rating: number | null;
}

export interface SatisfactionRatingView {
  id: number;
  serviceType: SatisfactionServiceType;
  serviceTypeLabel: string;
  serviceId: number;
  what: string;
  personId: number;
  staffUserId: number | null;
  staffName: string | null;
  rating: number;
  ratingWord: string;
  comment: string | null;
  channel: SatisfactionChannel;
  channelLabel: string;
  ratedOn: string;
}

export interface SatisfactionSummary {
  from: string;
  to: string;
  total: RatingTally;
  byStaff: Array<RatingTally & { staffUserId: number | null; staffName: string }>;
  byServiceType: Array<RatingTally & { serviceType: SatisfactionServiceType; label: string }>;
  byMonth: Array<RatingTally & { month: string }>;
  /** The ratings with a comment, latest first (at most 200), and every rating of 1 or 2 even without one. */
  comments: SatisfactionRatingView[];
}

const serviceRef = {
  serviceType: z.enum(codesOf(SATISFACTION_SERVICE_TYPES), '请选择服务类型'),
  serviceId: entityId,
};
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11');

export const satisfactionContract = {
  'satisfaction.service': method<RatedServiceView>()({
    input: z.strictObject(serviceRef),
    access: 'satisfaction.record',
    writes: false,
    title: '查看待评价的服务（评价器）',
    labels: { serviceType: '服务类型', serviceId: '服务' },
  }),
  'satisfaction.rate': method<SatisfactionRatingView>()({
    input: z.strictObject({
      ...serviceRef,
      rating: z.number(RATING_RULE).int(RATING_RULE).min(1, RATING_RULE).max(5, RATING_RULE),
      comment: text(500, false).nullish(),
      channel: z.enum(codesOf(SATISFACTION_CHANNELS), '请选择评价方式（窗口评价器或电话回访）'),
    }),
    access: 'satisfaction.record',
    writes: true,
    title: '记录满意度评价（窗口评价器或电话回访）',
    labels: { serviceType: '服务类型', serviceId: '服务', rating: '满意度评分', comment: '意见建议', channel: '评价方式' },
  }),
  'satisfaction.summary': method<SatisfactionSummary>()({
    input: z.strictObject({ fromMonth: month.optional(), toMonth: month.optional() }),
    access: 'satisfaction.read',
    writes: false,
    title: '满意度汇总（按工作人员、服务类型、月份，附意见）',
    labels: { fromMonth: '起始月份', toMonth: '截止月份' },
  }),
};
