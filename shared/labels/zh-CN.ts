/**
 * Every piece of Chinese UI text that is shared between backend messages and
 * the renderer lives here, so a label is changed once.
 */
import type { IdNumberProblem, Sex } from '../domain/id-number';
import type { HouseholdType } from '../domain/code-tables';
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
};

export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  return FIELD_LABELS[last] ?? path;
}

/** Main navigation: the work areas of the bureau, in the order staff expect; shown to holders of `permission`. */
export const NAV_AREAS = [
  { path: '/persons', label: '登记/经办', ready: true, permission: 'persons.read' },
  { path: '/counseling', label: '职业指导', ready: false, permission: 'persons.read' },
  { path: '/enterprises', label: '企业', ready: false, permission: 'system.read' },
  { path: '/fairs', label: '招聘会', ready: false, permission: 'system.read' },
  { path: '/policies', label: '政策', ready: false, permission: 'system.read' },
  { path: '/reports', label: '报表', ready: false, permission: 'system.read' },
  { path: '/exchange', label: '数据交换', ready: false, permission: 'settings.manage' },
  { path: '/admin', label: '系统管理', ready: true, permission: 'users.manage' },
  { path: '/audit', label: '审计日志', ready: true, permission: 'audit.read' },
] as const satisfies ReadonlyArray<{ path: string; label: string; ready: boolean; permission: Permission }>;
