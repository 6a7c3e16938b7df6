/**
 * 招聘会 code tables. The campaigns follow the national calendar of public
 * employment services (DOMAIN.md §3); the months are when each usually runs,
 * shown as a hint when a fair is planned, never enforced.
 */
export const FAIR_CAMPAIGNS = [
  ['assistance_month', '就业援助月'],
  ['spring_breeze', '春风行动'],
  ['private_enterprise_month', '民营企业招聘月'],
  ['graduate_joint', '高校毕业生春秋季联合招聘'],
  ['hundred_days', '百日千万招聘'],
  ['live_stream_month', '直播带岗活动'],
  ['golden_autumn', '金秋招聘月'],
  ['special', '专场招聘会'],
  ['other', '其他'],
] as const;
export type FairCampaign = (typeof FAIR_CAMPAIGNS)[number][0];

/** Months (1–12) in which each campaign usually runs, for the planner's hint and the seed. */
export const CAMPAIGN_MONTHS: Record<FairCampaign, readonly number[]> = {
  assistance_month: [12, 1],
  spring_breeze: [1, 2, 3],
  private_enterprise_month: [4],
  graduate_joint: [3, 4, 5, 9, 10, 11],
  hundred_days: [5, 6, 7, 8],
  live_stream_month: [9],
  golden_autumn: [10],
  special: [],
  other: [],
};

export const FAIR_TARGET_GROUPS = [
  ['any', '不限'],
  ['graduates', '高校毕业生'],
  ['difficulty', '就业困难人员'],
  ['rural_labour', '农村劳动力'],
  ['veterans', '退役军人'],
  ['disabled', '残疾人'],
  ['women', '女性'],
  ['older_workers', '大龄劳动者'],
] as const;
export type FairTargetGroup = (typeof FAIR_TARGET_GROUPS)[number][0];

export const FAIR_CHANNELS = [['on_site', '现场'], ['online', '网络'], ['live_stream', '直播带岗']] as const;
export type FairChannel = (typeof FAIR_CHANNELS)[number][0];

/** 筹备中 → 已举办 or 已取消 (with a reason); a fair is never deleted. */
export const FAIR_STATUSES = [['planned', '筹备中'], ['held', '已举办'], ['cancelled', '已取消']] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number][0];

/** 达成意向 and what came of it. */
export const INTENTION_OUTCOMES = [['intention', '意向'], ['hired', '已录用'], ['not_hired', '未录用']] as const;
export type IntentionOutcome = (typeof INTENTION_OUTCOMES)[number][0];
