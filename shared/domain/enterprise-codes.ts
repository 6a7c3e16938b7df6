/**
 * Code tables of the enterprise area: size classes, ownership, visit modes,
 * policies explained, vacancy sources and statuses. The difficulty list is
 * editable data in the database (difficulty_types); DEFAULT_DIFFICULTIES is its seed.
 */
export const SIZE_CLASSES = [['micro', '微型'], ['small', '小型'], ['medium', '中型'], ['large', '大型']] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number][0];

/**
 * 统计上大中小微型企业划分办法（2017）, by headcount alone: the lower bounds of
 * large, medium and small for each section whose rule uses 从业人员. Where the
 * rule uses revenue or assets only (construction, real estate) there is no
 * suggestion. A suggestion for the form, never stored without staff choosing it. [confirm]
 */
const SIZE_BY_HEADCOUNT: Record<string, readonly [large: number, medium: number, small: number]> = {
  B: [1000, 300, 20], C: [1000, 300, 20], D: [1000, 300, 20],
  G: [1000, 300, 20], H: [300, 100, 10], I: [2000, 100, 10],
  L: [300, 100, 10], M: [300, 100, 10], N: [300, 100, 10], O: [300, 100, 10],
  Q: [300, 100, 10], R: [300, 100, 10],
};

export function suggestSizeClass(section: string | null, headcount: number | null): SizeClass | null {
  const bounds = section ? SIZE_BY_HEADCOUNT[section] : undefined;
  if (!bounds || headcount === null || headcount < 0) return null;
  const [large, medium, small] = bounds;
  return headcount >= large ? 'large' : headcount >= medium ? 'medium' : headcount >= small ? 'small' : 'micro';
}

/** 经济类型, as the employer survey asks it. */
export const OWNERSHIP_TYPES = [
  ['state', '国有'], ['collective', '集体'], ['private', '私营'], ['limited_liability', '有限责任公司'], ['joint_stock', '股份有限公司'],
  ['hmt', '港澳台投资'], ['foreign', '外商投资'], ['individual', '个体'], ['other', '其他'],
] as const;

export const VISIT_MODES = [['on_site', '实地走访'], ['phone', '电话'], ['online', '线上']] as const;
export type VisitMode = (typeof VISIT_MODES)[number][0];

export const VISIT_KINDS = [['visit', '企业走访'], ['survey', '用工调查']] as const;

/** Policies staff explain on visits. [confirm] the county's list; the policies area will own it. */
export const POLICIES_EXPLAINED = [
  ['job_retention', '稳岗返还'], ['expansion_subsidy', '一次性扩岗补助'], ['hiring_subsidy', '一次性吸纳就业补贴'],
  ['social_insurance_subsidy', '社会保险补贴'], ['training_subsidy', '职业培训补贴'], ['skill_upgrade_subsidy', '技能提升补贴'],
  ['internship_subsidy', '就业见习补贴'], ['startup_loan', '创业担保贷款'],
] as const;

export const POLICY_INTEREST = [['applying', '准备申请'], ['interested', '有意向'], ['not_interested', '暂不需要']] as const;

export const DEFAULT_DIFFICULTIES = [
  ['recruitment', '招工难'], ['skills', '技能不足'], ['turnover', '员工流失'], ['funding', '资金'], ['orders', '订单'],
  ['social_insurance_cost', '社保成本'], ['training', '培训需求'], ['premises', '用地用房'], ['other', '其他'],
] as const;

export const VACANCY_SOURCES = [['visit', '企业走访'], ['fair', '招聘会'], ['walk_in', '现场登记'], ['import', '批量导入']] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number][0];

/** What staff decide; `expired` is never stored: an open vacancy past its end date reads as expired. */
export const VACANCY_STATUSES = [['open', '招聘中'], ['filled', '已招满'], ['withdrawn', '已撤回'], ['expired', '已过期']] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number][0];

export const TASK_STATUSES = [['open', '待办'], ['done', '已完成'], ['cancelled', '已取消']] as const;

export const ENTERPRISE_STATUSES = [['active', '正常'], ['closed', '已注销/迁出']] as const;

/** 职业分类大典（2022）的 8 个大类, for hiring demand by occupation group. */
export const OCCUPATION_GROUPS = [
  ['1', '党的机关、国家机关、群众团体和社会组织、企事业单位负责人'], ['2', '专业技术人员'], ['3', '办事人员和有关人员'],
  ['4', '社会生产服务和生活服务人员'], ['5', '农、林、牧、渔业生产及辅助人员'], ['6', '生产制造及有关人员'], ['7', '军人'], ['8', '不便分类的其他从业人员'],
] as const;

export function labelOf(table: ReadonlyArray<readonly [string, string]>, code: string | null | undefined): string {
  if (!code) return '';
  return table.find(([c]) => c === code)?.[1] ?? code;
}

export function codesOf<T extends string>(table: ReadonlyArray<readonly [T, string]>): [T, ...T[]] {
  return table.map(([code]) => code) as [T, ...T[]];
}
