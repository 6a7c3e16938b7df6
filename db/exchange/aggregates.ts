import { getTableName, type Table } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  businessStarts,
  caseAttachments,
  caseEvents,
  caseTransitions,
  cases,
  enterpriseContacts,
  enterpriseFormerNames,
  enterpriseHeadcounts,
  enterpriseHiringPlans,
  enterprises,
  enterpriseVisitDifficulties,
  enterpriseVisitPolicies,
  enterpriseVisits,
  enterpriseVisitStaff,
  fairAttendances,
  fairEnterprises,
  fairIntentions,
  fairs,
  fairVacancies,
  gigDemands,
  gigDispatches,
  gigWorkers,
  incubatorPlaces,
  guidanceEventAttendances,
  guidanceEvents,
  paymentLedger,
  paymentLines,
  personContacts,
  personQualifications,
  persons,
  startupLoanInterestPeriods,
  startupLoans,
  stations,
  trainingAttendance,
  trainingCertificates,
  trainingClaimTrainees,
  trainingClasses,
  trainingEnrolments,
  trainingProgrammes,
  trainingProviders,
  trainingSessions,
  vacancies,
  welfarePlacements,
  welfarePosts,
  welfareSubsidyMonths,
} from '../schema';

/**
 * What the county sends to the province, as aggregates: one record per root
 * row (a person, a case, an enterprise, a visit, a vacancy) with its child
 * rows embedded (a person's qualifications, a case's decisions, a visit's
 * staff, difficulties, policies and hiring plan). A change to a child row is
 * captured as a change of its root, so the province always receives the whole
 * record as it stands.
 */
export interface ExchangeChild {
  table: Table;
  /** The column pointing at the root row. */
  parent: SQLiteColumn;
  /** The field of the record the rows are embedded in. */
  field: string;
}

export interface ExchangeAggregate {
  /** Entity name in the package and the record schemas: the root table's name. */
  entity: string;
  root: Table & { id: SQLiteColumn };
  /** Columns of the root never sent: derived search helpers, and contact details that stay in the county. */
  omit: readonly string[];
  children: readonly ExchangeChild[];
  /** Where the record's corrections (field, reason, corrected_at) are kept: a change after acceptance carries them. */
  corrections?: { table: string; parentColumn: string };
  /** A record in this state is sent as a cancellation (it stays in the database). */
  cancelled?: (record: Record<string, unknown>) => boolean;
  title: string;
}

export const EXCHANGE_AGGREGATES: readonly ExchangeAggregate[] = [
  {
    entity: 'persons',
    title: '人员档案',
    root: persons,
    omit: ['phoneReversed'],
    children: [{ table: personQualifications, parent: personQualifications.personId, field: 'qualifications' }],
    corrections: { table: 'person_corrections', parentColumn: 'person_id' },
    // A duplicate merged into another record is withdrawn; the kept record carries on.
    cancelled: (record) => record.mergedIntoId !== null,
  },
  {
    entity: 'cases',
    title: '业务事项（申请与审批决定）',
    root: cases,
    omit: [],
    children: [
      { table: caseTransitions, parent: caseTransitions.caseId, field: 'transitions' },
      // What was handed in (document, file name, size, SHA-256); the files themselves stay in the county.
      { table: caseAttachments, parent: caseAttachments.caseId, field: 'attachments' },
      // 注销 of a registration; review, suspension and exit of a certification.
      { table: caseEvents, parent: caseEvents.caseId, field: 'events' },
    ],
    cancelled: (record) => record.state === 'withdrawn',
  },
  {
    // Their own root: a person has hundreds over the years, and a contact must not resend the whole record.
    entity: 'person_contacts',
    title: '人员联系记录（跟踪联系、职业指导、岗位推荐）',
    root: personContacts,
    omit: [],
    children: [],
  },
  {
    entity: 'enterprises',
    title: '企业档案',
    root: enterprises,
    omit: [],
    children: [
      { table: enterpriseFormerNames, parent: enterpriseFormerNames.enterpriseId, field: 'formerNames' },
      { table: enterpriseContacts, parent: enterpriseContacts.enterpriseId, field: 'contacts' },
      { table: enterpriseHeadcounts, parent: enterpriseHeadcounts.enterpriseId, field: 'headcounts' },
    ],
    corrections: { table: 'enterprise_corrections', parentColumn: 'enterprise_id' },
    // An enterprise closed down (注销) stays on record and is sent as cancelled.
    cancelled: (record) => record.status === 'closed',
  },
  {
    entity: 'enterprise_visits',
    title: '企业走访与用工调查',
    root: enterpriseVisits,
    omit: [],
    children: [
      { table: enterpriseVisitStaff, parent: enterpriseVisitStaff.visitId, field: 'staff' },
      { table: enterpriseVisitDifficulties, parent: enterpriseVisitDifficulties.visitId, field: 'difficulties' },
      { table: enterpriseVisitPolicies, parent: enterpriseVisitPolicies.visitId, field: 'policies' },
      { table: enterpriseHiringPlans, parent: enterpriseHiringPlans.visitId, field: 'hiringPlans' },
    ],
  },
  {
    entity: 'vacancies',
    title: '岗位信息',
    root: vacancies,
    omit: [],
    children: [],
    cancelled: (record) => record.status === 'withdrawn',
  },
  {
    entity: 'fairs',
    title: '招聘会（参会企业及岗位）',
    root: fairs,
    omit: [],
    children: [
      { table: fairEnterprises, parent: fairEnterprises.fairId, field: 'enterprises' },
      { table: fairVacancies, parent: fairVacancies.fairId, field: 'vacancies' },
    ],
    // A cancelled fair stays on record with its reason and is sent as cancelled.
    cancelled: (record) => record.status === 'cancelled',
  },
  {
    // Many per fair (tens of thousands a year in a county): a root of its own, so a check-in
    // or an outcome sends one small record, not the whole fair.
    entity: 'fair_attendances',
    title: '招聘会入场登记与达成意向',
    root: fairAttendances,
    omit: [],
    children: [{ table: fairIntentions, parent: fairIntentions.attendanceId, field: 'intentions' }],
  },
  {
    // 资金兑付: each batch line (who, which policy and months, how much, to which account) with its money
    // events (paid, failed, reversal, recovery, repayment), so the province sees every yuan of the county.
    entity: 'payment_lines',
    title: '补贴发放明细与资金流水',
    root: paymentLines,
    omit: [],
    children: [{ table: paymentLedger, parent: paymentLedger.lineId, field: 'ledger' }],
    cancelled: (record) => record.state === 'cancelled',
  },
  {
    // 职业培训: the province evaluates the three training rates from these records.
    entity: 'training_providers',
    title: '培训机构',
    root: trainingProviders,
    omit: [],
    children: [],
  },
  {
    entity: 'training_programmes',
    title: '职业培训项目（目录）',
    root: trainingProgrammes,
    omit: [],
    children: [],
  },
  {
    entity: 'training_classes',
    title: '培训期次（含课次）',
    root: trainingClasses,
    omit: [],
    children: [{ table: trainingSessions, parent: trainingSessions.classId, field: 'sessions' }],
    cancelled: (record) => record.status === 'cancelled',
  },
  {
    // A root of its own per trainee: an attendance mark sends one small record, not the whole class.
    entity: 'training_enrolments',
    title: '培训学员（考勤、结业、考核与职业技能等级证书）',
    root: trainingEnrolments,
    omit: [],
    children: [
      { table: trainingAttendance, parent: trainingAttendance.enrolmentId, field: 'attendance' },
      { table: trainingCertificates, parent: trainingCertificates.enrolmentId, field: 'certificates' },
      // 培训补贴: the approved claim (case) that paid this trainee, and how much.
      { table: trainingClaimTrainees, parent: trainingClaimTrainees.enrolmentId, field: 'subsidyClaims' },
    ],
    cancelled: (record) => record.status === 'withdrawn',
  },
  {
    // 公益性岗位 with the certified persons placed in them (hire, planned end, exit and its reason).
    entity: 'welfare_posts',
    title: '公益性岗位及安置人员',
    root: welfarePosts,
    omit: [],
    children: [
      { table: welfarePlacements, parent: welfarePlacements.postId, field: 'placements' },
      // 公益性岗位补贴 per placement and month, as paid through 资金兑付.
      { table: welfareSubsidyMonths, parent: welfareSubsidyMonths.postId, field: 'subsidyMonths' },
    ],
  },
  {
    // 零工市场: the persons who take short jobs, with their skills, availability, area and consent.
    entity: 'gig_workers',
    title: '零工人员（技能、可工作时间、区域、同意联系）',
    root: gigWorkers,
    omit: [],
    children: [],
  },
  {
    // A short-job demand with its dispatches (完工 and the two ratings). A household's phone stays in the county.
    entity: 'gig_demands',
    title: '零工需求及派单（完工、双向评价）',
    root: gigDemands,
    omit: ['contactPhone'],
    children: [{ table: gigDispatches, parent: gigDispatches.demandId, field: 'dispatches' }],
    cancelled: (record) => record.status === 'cancelled',
  },
  {
    // 就业服务站: the cases a station's staff accepted name it (cases.station_id).
    entity: 'stations',
    title: '就业服务站',
    root: stations,
    omit: [],
    children: [],
    cancelled: (record) => record.status === 'closed',
  },
  {
    // 创业服务: who started which business when, with its incubator places.
    entity: 'business_starts',
    title: '创业登记（含创业孵化）',
    root: businessStarts,
    omit: [],
    children: [{ table: incubatorPlaces, parent: incubatorPlaces.businessStartId, field: 'incubation' }],
  },
  {
    // A root of its own: a new 贴息期 sends the loan, not the whole business start.
    entity: 'startup_loans',
    title: '创业担保贷款（含贴息期）',
    root: startupLoans,
    omit: [],
    children: [{ table: startupLoanInterestPeriods, parent: startupLoanInterestPeriods.loanId, field: 'interestPeriods' }],
  },
  {
    // 团体指导 (讲座、工作坊、职业体验) with who signed in at the door: a few dozen per event, so embedded.
    entity: 'guidance_events',
    title: '团体职业指导活动及签到',
    root: guidanceEvents,
    omit: [],
    children: [{ table: guidanceEventAttendances, parent: guidanceEventAttendances.eventId, field: 'attendances' }],
  },
];

/**
 * Tables that stay in the county, each with the reason. A table that is in
 * neither list fails tests/integration/exchange-capture.test.ts: whoever adds
 * a table decides whether the province receives it.
 */
export const INTERNAL_TABLES: Record<string, string> = {
  province_feed_packages: '省级下发数据包（来自省级，不回传）',
  cross_county_statuses: '本县人员在外县的状态（省级下发）',
  cross_county_subsidies: '本县人员在外县享受的补贴（省级下发）',
  province_policy_versions: '省级下发的政策版本（来自省级，待审核启用；启用后为本县政策版本）',
  settings: '本地设置',
  schema_migrations: '数据库结构版本记录',
  users: '本地账号',
  user_roles: '本地账号角色',
  login_throttles: '本地登录限制（每次尝试另记审计日志）',
  audit_log: '本地审计日志',
  workstations: '办公室模式的工作站（本地设备，凭据只存摘要）',
  office_pairing_codes: '办公室模式的一次性配对码（只存摘要）',
  calendar_days: '本地工作日历',
  person_search_keys: '检索用拼音键（由档案推导）',
  person_key_groups: '重点群体标签（由档案推导，省级按规则自行计算）',
  person_key_group_counts: '各重点群体的人数（由重点群体标签推导，数据库触发器维护）',
  person_key_group_schedule: '重点群体复核日期（推导）',
  person_corrections: '更正历史：随被更正的档案作为“更正”发送（附原因）',
  enterprise_corrections: '更正历史：随被更正的企业档案作为“更正”发送（附原因）',
  enterprise_tasks: '本局内部的跟进任务',
  difficulty_types: '本地可编辑的困难类型代码表（记录中携带代码与名称）',
  code_entries: '本地可编辑的认定类别与补贴目录（业务记录携带代码；出厂代码见 docs/exchange-format.md）',
  exchange_changes: '交换本身的变更记录',
  exchange_keys: '交换密钥',
  exchange_packages: '交换历史',
  exchange_record_states: '交换状态',
  policy_versions: '本地政策库（政策版本；已批准的享受记录随其业务事项发送）',
  policy_subjects: '政策找人的待复核标记（推导）',
  policy_sweeps: '政策找人的运行记录',
  policy_findings: '疑似符合、尚未享受的工作清单（本局内部；申请后随业务事项发送）',
  policy_outreach: '对疑似符合者的联系记录（本局内部）',
  policy_batches: '免申即享的待确认批次（确认后随业务事项发送）',
  fact_imports: '部门数据的导入记录（数据来自省内其他部门，省级另有来源）',
  person_insurance: '社保部门数据（省级另有来源）',
  employer_insurance: '社保部门数据（省级另有来源）',
  person_assistance: '民政部门数据（省级另有来源）',
  person_deaths: '公安、卫健部门数据（省级另有来源）',
  person_businesses: '市场监管部门数据（省级另有来源）',
  person_disabilities: '残联数据（省级另有来源）',
  payee_accounts: '收款账户（随发放明细发送账号）',
  payment_entitlements: '应发记录（批准的补贴申请随业务事项发送；发放随发放明细发送）',
  payment_batches: '发放批次（批次号随发放明细发送）',
  payment_batch_events: '发放批次的操作记录（本局内部，另记审计日志）',
  payment_months: '重复发放键（由发放明细推导）',
  payment_acknowledgements: '拨付前核查提示的确认（本局内部）',
  payment_recoveries: '追回决定（其金额与到账随发放明细的资金流水发送）',
  payment_budgets: '本局的年度预算额度',
  spot_checks: '抽查（本局内部的内控记录）',
  spot_check_items: '抽查结论（本局内部的内控记录）',
  guidance_sessions: '职业指导记录（本局内部；省级交换格式尚无此项）',
  guidance_plan_items: '职业指导的行动计划（本局内部）',
  guidance_referrals: '职业指导的推荐及结果（本局内部；录用后的就业登记随业务事项发送）',
  guidance_follow_ups: '职业指导的回访安排（本局内部）',
  satisfaction_ratings: '满意度评价（本局内部的服务评价，按服务和工作人员汇总）',
  statistics_external_figures: '月报录入的外部数据（统计部门的城镇从业人员数、调查失业率，自然减员），省级有自己的来源',
};

export function aggregateOf(entity: string): ExchangeAggregate {
  const found = EXCHANGE_AGGREGATES.find((a) => a.entity === entity);
  if (!found) throw new Error(`unknown exchange entity ${entity}`);
  return found;
}

/** Every table whose rows are sent, with the column whose value names the root record. */
export function capturedTables(): Array<{ table: string; entity: string; idColumn: string }> {
  return EXCHANGE_AGGREGATES.flatMap((a) => [
    { table: getTableName(a.root), entity: a.entity, idColumn: a.root.id.name },
    ...a.children.map((c) => ({ table: getTableName(c.table), entity: a.entity, idColumn: c.parent.name })),
  ]);
}

/** The capture triggers of one table: insert, update and delete each record a change of the root. */
export function captureTriggerSql(table: string, entity: string, idColumn: string): string[] {
  return (['insert', 'update', 'delete'] as const).map((op) => {
    const row = op === 'delete' ? 'OLD' : 'NEW';
    return (
      `CREATE TRIGGER \`exchange_capture_${table}_${op}\` AFTER ${op.toUpperCase()} ON \`${table}\`\n` +
      `BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('${entity}', ${row}.\`${idColumn}\`); END;`
    );
  });
}
