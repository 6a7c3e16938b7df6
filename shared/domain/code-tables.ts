/** National code tables used by person records (DOMAIN.md §5). */

/** GB 3304 ethnicity codes. */
export const ETHNICITIES: ReadonlyArray<readonly [code: string, name: string]> = (
  '01汉 02蒙古 03回 04藏 05维吾尔 06苗 07彝 08壮 09布依 10朝鲜 11满 12侗 13瑶 14白 15土家 16哈尼 ' +
  '17哈萨克 18傣 19黎 20傈僳 21佤 22畲 23高山 24拉祜 25水 26东乡 27纳西 28景颇 29柯尔克孜 30土 ' +
  '31达斡尔 32仫佬 33羌 34布朗 35撒拉 36毛南 37仡佬 38锡伯 39阿昌 40普米 41塔吉克 42怒 43乌孜别克 ' +
  '44俄罗斯 45鄂温克 46德昂 47保安 48裕固 49京 50塔塔尔 51独龙 52鄂伦春 53赫哲 54门巴 55珞巴 56基诺'
)
  .split(' ')
  .map((entry) => [entry.slice(0, 2), `${entry.slice(2)}族`] as const);

export const ETHNICITY_CODES = ETHNICITIES.map(([code]) => code);

export const HOUSEHOLD_TYPES = ['urban', 'rural'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

/** GB/T 4762 political status (the codes offices use most). */
export const POLITICAL_STATUSES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['01', '中共党员'],
  ['02', '中共预备党员'],
  ['03', '共青团员'],
  ['04', '民主党派成员'],
  ['12', '无党派人士'],
  ['13', '群众'],
];

/** GB/T 4658 education, first digits (DOMAIN.md §5). */
export const EDUCATION_LEVELS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['10', '研究生'],
  ['20', '大学本科'],
  ['30', '大学专科'],
  ['41', '中等专科'],
  ['44', '职业高中'],
  ['47', '技工学校'],
  ['60', '普通高中'],
  ['70', '初中'],
  ['80', '小学'],
  ['90', '其他'],
];

/** GB/T 2261.3 health status. */
export const HEALTH_STATUSES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['1', '健康或良好'],
  ['2', '一般或较弱'],
  ['3', '有慢性病'],
  ['6', '残疾'],
];

export const DISABILITY_GRADES = ['1', '2', '3', '4'] as const;

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed_registered', 'unemployed_unregistered', 'not_in_labour_force', 'retired'] as const;
export type EmploymentStatusCode = (typeof EMPLOYMENT_STATUSES)[number];

export const LOW_INCOME_STATUSES = ['dibao', 'low_income'] as const;

/** 职业分类大典 2022: eight major groups; full codes look like 4-07-02-03. */
export const OCCUPATION_MAJOR_GROUPS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['1', '党的机关、国家机关、群众团体和社会组织、企事业单位负责人'],
  ['2', '专业技术人员'],
  ['3', '办事人员和有关人员'],
  ['4', '社会生产服务和生活服务人员'],
  ['5', '农、林、牧、渔业生产及辅助人员'],
  ['6', '生产制造及有关人员'],
  ['7', '军队人员'],
  ['8', '不便分类的其他从业人员'],
];
