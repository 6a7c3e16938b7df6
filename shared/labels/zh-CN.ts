/**
 * Every piece of Chinese UI text that is shared between backend messages and
 * the renderer lives here, so a label is changed once.
 */
import type { IdNumberProblem, Sex } from '../domain/id-number';
import type { EmploymentStatusCode, HouseholdType } from '../domain/code-tables';
import type { Permission, Role } from '../roles';
import type { ErrorCode } from '../rpc';

export const APP_TITLE = '就业服务工作台';

export const ROLE_LABELS: Record<Role, string> = {
  front_desk: '前台经办',
  counselor: '职业指导员',
  reviewer: '审核员',
  head: '局领导/中心主任',
  admin: '系统管理员',
};

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

export const HOUSEHOLD_TYPE_LABELS: Record<HouseholdType, string> = { urban: '城镇', rural: '农村' };

/** Shown under the ID-number field, and after "身份证号：" in messages. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '必填',
  length: '应为18位（旧证15位）',
  characters: '只能由数字组成，最后一位可以是X',
  province: '前两位不是有效的省级行政区划代码',
  birthDate: '其中的出生日期不存在',
  futureBirthDate: '其中的出生日期晚于今天',
  checksum: '校验位不正确，请核对是否录错',
};

/** Names of input fields, used to say which field a message is about. */
export const FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号',
  name: '姓名',
  phone: '手机号码',
  ethnicityCode: '民族',
  householdType: '户口性质',
  residenceTownshipCode: '居住乡镇（街道）',
  address: '详细地址',
  query: '查询内容',
  id: '编号',
  version: '版本号',
  reason: '修改原因',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  countyCode: '县（市、区）',
  adminUsername: '管理员用户名',
  adminDisplayName: '管理员姓名',
  page: '页码',
  pageSize: '每页条数',
  phone2: '备用电话',
  politicalStatusCode: '政治面貌',
  householdDivisionCode: '户籍所在地',
  householdAddress: '户籍地址',
  residenceVillageCode: '居住村（社区）',
  educationCode: '文化程度',
  school: '毕业学校',
  major: '所学专业',
  graduationDate: '毕业日期',
  disabilityGrade: '残疾等级',
  healthStatus: '健康状况',
  isVeteran: '退役军人',
  lowIncomeStatus: '低保/低收入',
  femaleRetirementCategory: '女性原退休年龄类别',
  employmentStatus: '就业状态',
  intendedOccupationCode: '求职意向职业',
  intendedPlace: '意向工作地点',
  intendedSalaryMinFen: '期望月薪下限',
  intendedSalaryMaxFen: '期望月薪上限',
  trainingWishes: '培训意愿',
  keepId: '保留的档案',
  issuedOn: '发证日期',
  certificateNumber: '证书编号',
  level: '等级',
  personId: '人员编号',
  mergeId: '并入的档案',
  creditCode: '统一社会信用代码',
  industryDivision: '所属行业',
  ownershipCode: '经济类型',
  sizeClass: '企业规模',
  townshipCode: '所在乡镇（街道）',
  insuredCount: '参保人数',
  headcountAsOf: '参保人数日期',
  position: '职务',
  formerNames: '曾用名',
  contacts: '联系人',
  entityType: '主体类型',
  enterpriseId: '企业编号',
  visitDate: '走访日期',
  mode: '走访方式',
  staffUserIds: '走访人员',
  contactId: '接待人',
  contactName: '接待人',
  headcount: '职工人数',
  requests: '企业诉求',
  notes: '备注',
  difficulties: '企业困难',
  policies: '宣讲政策',
  interest: '企业意向',
  hiringPlan: '用工计划',
  tasks: '跟进任务',
  description: '任务内容',
  ownerUserId: '负责人',
  dueDate: '完成期限',
  survey: '用工调查',
  quarter: '季度',
  headcountPrevious: '上季度职工人数',
  headcountChangeReason: '人数变化原因',
  shortageCount: '缺工人数',
  startingPayFen: '平均起薪',
  expectedHires: '预计下季度招用人数',
  occupationCode: '职业代码',
  title: '岗位名称',
  openings: '招聘人数',
  salaryMinFen: '最低月薪',
  salaryMaxFen: '最高月薪',
  experienceYears: '工作经验',
  requirements: '岗位要求',
  workPlace: '工作地点',
  contractType: '合同类型',
  validFrom: '有效期起',
  validTo: '有效期止',
  months: '未走访月数',
  from: '开始日期',
  to: '结束日期',
  asOf: '日期',
};

export const ERROR_TITLES: Record<ErrorCode, string> = {
  BAD_INPUT: '填写有误',
  UNKNOWN_METHOD: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被他人修改',
  DUPLICATE: '重复登记',
  NOT_INITIALIZED: '尚未初始化',
  ALREADY_INITIALIZED: '已经初始化',
  LOGIN_FAILED: '登录失败',
  LOCKED: '屏幕已锁定',
  DATABASE_UNAVAILABLE: '数据库无法打开',
  INTERNAL: '系统错误',
  HOST_UNREACHABLE: '连接不上办公室主机',
  HOST_CERTIFICATE_CHANGED: '办公室主机证书不符',
  WORKSTATION_REFUSED: '工作站已被拒绝',
};

export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  // Own keys only: an input key such as "__proto__" must not read the object's prototype.
  return Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last]! : path;
}

/** Main navigation: the work areas of the bureau, in the order staff expect; shown to holders of `permission`. */
export const NAV_AREAS = [
  // First: whoever holds it lands on the 工作台 (HomeRedirect takes the first area one may open).
  { path: '/dashboard', label: '工作台', ready: true, permission: 'reports.dashboard' },
  { path: '/persons', label: '登记/经办', ready: true, permission: 'persons.read' },
  { path: '/cases', label: '业务办理', ready: true, permission: 'cases.read' },
  { path: '/counseling', label: '职业指导', ready: true, permission: 'persons.read' },
  { path: '/enterprises', label: '企业', ready: true, permission: 'enterprises.read' },
  { path: '/fairs', label: '招聘会', ready: true, permission: 'fairs.read' },
  // 职业培训: read by most staff, so like 政策 nobody lands here.
  { path: '/training', label: '职业培训', ready: true, permission: 'training.read', landing: false },
  { path: '/welfare-posts', label: '公益性岗位', ready: true, permission: 'welfarePosts.read', landing: false },
  { path: '/gig', label: '零工市场', ready: true, permission: 'gig.read', landing: false },
  { path: '/startups', label: '创业服务', ready: true, permission: 'startups.read', landing: false },
  // Everyone may read the catalogue, so nobody lands here: HomeRedirect passes over areas marked landing: false.
  { path: '/policies', label: '政策', ready: true, permission: 'policies.read', landing: false },
  { path: '/reports', label: '报表', ready: true, permission: 'reports.read' },
  // 服务站工作量: the head and the reviewer, who land on 工作台.
  { path: '/stations', label: '服务站', ready: true, permission: 'reports.read', landing: false },
  // 资金兑付: reviewers and the head, who also hold 工作台 and land there.
  { path: '/payments', label: '资金兑付', ready: true, permission: 'payments.read', landing: false },
  { path: '/admin', label: '系统管理', ready: true, permission: 'users.manage' },
  { path: '/exchange', label: '数据交换', ready: true, permission: 'exchange.worklist' },
  // Other departments' lists: administrator and head; the 政策 area will read what they become.
  { path: '/facts', label: '部门数据', ready: true, permission: 'facts.import' },
  { path: '/audit', label: '审计日志', ready: true, permission: 'audit.read' },
  // 满意度调查汇总: the head, who lands on 工作台.
  { path: '/satisfaction', label: '满意度', ready: true, permission: 'satisfaction.read', landing: false },
] as const satisfies ReadonlyArray<{ path: string; label: string; ready: boolean; permission: Permission; landing?: false }>;

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatusCode, string> = {
  employed: '已就业',
  unemployed_registered: '登记失业',
  unemployed_unregistered: '未就业（未登记失业）',
  not_in_labour_force: '非劳动力',
  retired: '已退休',
};

export const LOW_INCOME_LABELS = { dibao: '低保', low_income: '低收入' } as const;

export const FEMALE_RETIREMENT_LABELS = { worker50: '原50周岁退休（女职工）', cadre55: '原55周岁退休（女干部）' } as const;
