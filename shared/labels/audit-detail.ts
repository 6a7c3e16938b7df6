import { FACT_SOURCE_INFO, type FactSource } from '../domain/department-facts';
import { VACANCY_SOURCES, VACANCY_STATUSES, VISIT_KINDS } from '../domain/enterprise-codes';
import { INTENTION_OUTCOMES } from '../domain/fair-codes';
import { EFFECT_LABELS, CASE_TYPES, type EffectCode, type CaseTypeCode } from '../domain/case-types';
import { SATISFACTION_CHANNELS, SATISFACTION_SERVICE_TYPES } from '../domain/satisfaction';
import { FACTORY_GUIDANCE_TOPICS, GUIDANCE_MODES, PLAN_ITEM_STATUSES, REFERRAL_KINDS, REFERRAL_STATES } from '../domain/guidance';
import { CONTACT_CHANNELS, CONTACT_KINDS } from '../domain/person-contacts';
import { ASSESSMENT_RESULTS, SKILL_LEVELS } from '../domain/training';
import { PLACEMENT_END_REASONS } from '../domain/welfare-posts';
import { SEED_POLICIES } from '../domain/policies';
import { ACTION_LABELS, STATE_LABELS, type CaseAction, type CaseState } from '../domain/workflow';
import type { Role } from '../roles';
import { REPORT_FIGURE_LABELS } from '../contract/reports';
import { FUND_SOURCE_LABELS } from '../domain/payments/entitlements';
import { BREAKDOWN_DIMENSIONS } from '../domain/statistics';
import { OUTREACH_CHANNEL_LABELS, OUTREACH_OUTCOME_LABELS, SWEEP_MODE_LABELS, VERDICT_LABELS } from './policies';
import { FIELD_LABELS, ROLE_LABELS } from './zh-CN';

/**
 * An audit entry's detail as the head and the administrator read it: Chinese
 * names for its items and their values, never JSON, method names or English
 * codes. What a row looked like before and after a change is kept in the log
 * (and checked by its hash chain) but not spread on the screen, where it would
 * show a citizen's whole record unmasked.
 */

/** Titles of acts the log records that are not contract methods (the contract's own titles name the rest). */
export const AUDIT_EXTRA_ACTION_TITLES: Record<string, string> = {
  'auth.loginFailed': '登录失败（密码错误）',
  'persons.view': '查看人员档案',
  'persons.importCommit': '导入人员（写入）',
  'enterprises.importCommit': '导入企业（写入）',
  'vacancies.importCommit': '导入岗位（写入）',
  'facts.importCommit': '导入部门数据（写入）',
  'backups.create': '数据备份（写入备份文件夹）',
  'exchange.export': '生成省级交换数据包',
  'policies.sweep': '政策比对（完成）',
  'payments.entitlement': '生成应发记录（补贴批准后）',
};

type Pairs = ReadonlyArray<readonly [string, string]>;
const fromPairs = (...lists: Pairs[]): Record<string, string> => Object.fromEntries(lists.flat());

const POLICY_NAMES: Record<string, string> = Object.fromEntries(SEED_POLICIES.map((p) => [p.code, p.name]));

/** How each item's value reads; an item not here prints its value as it is (numbers, dates, names, reasons). */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  caseType: Object.fromEntries(Object.values(CASE_TYPES).map((t) => [t.code satisfies CaseTypeCode, t.label])),
  action: { ...(ACTION_LABELS as Record<CaseAction, string>), ...fromPairs(VACANCY_STATUSES) },
  from: STATE_LABELS as Record<CaseState, string>,
  to: STATE_LABELS as Record<CaseState, string>,
  effects: EFFECT_LABELS as Record<EffectCode, string>,
  roles: ROLE_LABELS as Record<Role, string>,
  channel: { ...fromPairs(CONTACT_CHANNELS), ...OUTREACH_CHANNEL_LABELS },
  kind: fromPairs(CONTACT_KINDS, VISIT_KINDS),
  outcome: { ...fromPairs(INTENTION_OUTCOMES), ...OUTREACH_OUTCOME_LABELS },
  mode: SWEEP_MODE_LABELS,
  status: fromPairs(VACANCY_STATUSES),
  source: { ...fromPairs(VACANCY_SOURCES), ...Object.fromEntries(Object.entries(FACT_SOURCE_INFO).map(([code, info]) => [code as FactSource, info.label])) },
  policyCode: POLICY_NAMES,
  changedFields: FIELD_LABELS,
  field: { idNumber: '身份证号', phone: '手机号码' },
  result: VERDICT_LABELS,
  figure: REPORT_FIGURE_LABELS,
  dimension: fromPairs(BREAKDOWN_DIMENSIONS),
  fundSource: FUND_SOURCE_LABELS,
  finding: { confirmed: '无误', irregular: '有问题' },
  sessionMode: fromPairs(GUIDANCE_MODES),
  // The factory topics; a topic the administrator added prints its code.
  topics: fromPairs(FACTORY_GUIDANCE_TOPICS),
  planStatus: fromPairs(PLAN_ITEM_STATUSES),
  referralKind: fromPairs(REFERRAL_KINDS),
  referralFrom: fromPairs(REFERRAL_STATES),
  referralTo: fromPairs(REFERRAL_STATES),
  ratedService: fromPairs(SATISFACTION_SERVICE_TYPES),
  ratingChannel: fromPairs(SATISFACTION_CHANNELS),
  assessment: fromPairs(ASSESSMENT_RESULTS),
  certificateLevel: fromPairs(SKILL_LEVELS),
  endReason: fromPairs(PLACEMENT_END_REASONS),
  gigRatedSide: { worker: '需求方评价零工', demand: '零工评价需求方' },
};

/** The names of the items audit entries carry (db/services write them; tests/integration/audit-text.test.ts finds any missing). */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  reason: '原因', onDate: '日期', changedFields: '修改项目', contactId: '联系记录编号', contactDate: '联系日期',
  source: '来源', rows: '行数', policyCode: '政策', policyVersion: '政策版本', findingId: '比对结果编号',
  attachmentId: '附件编号', documentCode: '材料', visitId: '走访编号', vacancies: '岗位数', retiredPrevious: '停用旧版本',
  outcome: '结果', kind: '类别', intentionId: '意向编号', filters: '筛选条件', filter: '筛选条件', fileName: '文件名',
  enterpriseId: '单位编号', personId: '人员编号', caseId: '业务编号', client: '计算机', channel: '方式',
  attendanceId: '入场编号', value: '值', username: '用户名', unknownAccount: '账号不存在', to: '改为', from: '原状态',
  sizeBytes: '大小（字节）', size: '大小', roles: '角色', reviewDue: '复核到期日', retired: '已停用', result: '结果',
  rejected: '不予确认条数', confirmed: '确认条数', query: '查询内容', qualificationId: '资格证书编号', phone: '手机号码',
  mergedInto: '并入档案编号', mergedId: '被并档案编号', caseType: '业务类型', keyId: '密钥编号', items: '条数',
  insuredCount: '参保人数', period: '期间', outboxPath: '发送文件', outboxDir: '发送目录', mode: '方式', action: '操作',
  effects: '带来的变更', status: '状态', allOrNothing: '全部成功才写入', asOf: '数据截止日期', countyCode: '县（市、区）代码',
  created: '新增', dryRun: '试导入', evaluated: '比对对象数', found: '疑似符合数', importId: '导入编号', mapping: '列对应',
  matched: '匹配行数', personRegistered: '现场新建档案', total: '总行数', unchanged: '未变行数', unmatched: '未匹配行数',
  updated: '更新行数', version: '版本', sequence: '序号', count: '数量', code: '代码', name: '名称', note: '备注',
  fields: '项目', days: '天数', type: '类型', path: '路径', entries: '条数', sample: '抽样', batchId: '批次编号',
  active: '启用', added: '新增', automatic: '自动', clients: '计算机', dimension: '分组', disabled: '停用', document: '文书',
  failures: '失败次数', field: '字段', figure: '指标', files: '文件数', folder: '文件夹', moved: '已移动', on: '评估日',
  removed: '已移除', table: '代码表', targetRoot: '目标位置', waitUntil: '限制至',
  expiresAt: '有效至', fingerprint: '证书指纹', names: '主机名称',
  account: '收款账号（遮蔽）', previous: '原收款账号（遮蔽）', amountFen: '金额（分）', bankName: '开户银行', failed: '失败笔数',
  finding: '核查结论', fundSource: '资金来源', label: '操作', line: '批次明细', lineNo: '明细序号', lines: '明细笔数',
  missing: '未回盘笔数', month: '月份', number: '编号', page: '页码', paid: '成功笔数', periodFrom: '享受期间起',
  periodTo: '享受期间止', population: '抽查总体', previousFen: '原预算额度（分）', refused: '未编入条数', sampled: '抽中数',
  seed: '抽样种子', sharePercent: '抽查比例（%）', totalFen: '合计金额（分）', townshipCode: '乡镇（街道）代码', year: '年度',
  sessionId: '指导记录编号', sessionDate: '指导日期', sessionMode: '指导方式', topics: '指导内容', planItems: '行动计划事项数',
  followUps: '安排回访日期', followUpId: '回访编号', followUpDue: '回访日期', planItemId: '计划事项编号', planStatus: '计划事项状态',
  referralId: '推荐编号', referralKind: '推荐类型', referralFrom: '原进展', referralTo: '新进展', referredOn: '推荐日期',
  vacancyId: '岗位编号', doneOn: '完成日期', dueOn: '回访日期', counselorUserId: '指导员账号编号',
  ratedService: '评价的服务', ratedServiceId: '服务编号', rating: '满意度评分', ratingChannel: '评价方式',
  creditCode: '统一社会信用代码', subsidyPerPersonFen: '补贴标准（分/人）', classNumber: '期次编号', startDate: '开始日期', endDate: '结束日期',
  enrolmentId: '学员记录编号', hours: '学时', present: '出勤人数', absent: '缺勤人数', completedOn: '结业日期', completed: '结业人数',
  notCompleted: '未结业人数', assessment: '考核结果', assessedOn: '考核日期', certificateNumber: '证书编号', certificateLevel: '证书等级', revokedOn: '撤销日期',
  positions: '岗位数', plannedEndOn: '安置期满日', endReason: '离岗原因',
  gigDemandId: '零工需求编号', gigRatedSide: '评价方向', gigRating: '评分（1–5）',
  lateEntry: '补录',
  provinceVersion: '省级下发版本',
};

/** Items kept in the log for the record but summarised on screen. */
const SUMMARISED: Record<string, string> = { after: '已记录变更后的内容', before: '已记录变更前的内容', mapping: '已记录列对应', sha256: '已记录文件摘要', sm3: '已记录文件摘要（SM3）' };

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join('、') || '无';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${AUDIT_DETAIL_LABELS[k] ?? '其他'}${valueText(k, v)}`).join('，');
  }
  const text = String(value);
  return VALUE_LABELS[key]?.[text] ?? text;
}

/** "原因：迁出本县；日期：2026-11-27". Items without a Chinese name are counted, not shown. */
export function auditDetailText(detail: Readonly<Record<string, unknown>> | null): string {
  if (!detail) return '';
  const parts: string[] = [];
  let unnamed = 0;
  for (const [key, value] of Object.entries(detail)) {
    if (SUMMARISED[key]) parts.push(SUMMARISED[key]);
    else if (AUDIT_DETAIL_LABELS[key]) parts.push(`${AUDIT_DETAIL_LABELS[key]}：${valueText(key, value)}`);
    else unnamed += 1;
  }
  if (unnamed > 0) parts.push(`另有 ${unnamed} 项技术记录`);
  return parts.join('；');
}
