import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../electron/cli/run';
import type { MethodName, SessionView, UserView } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { RpcResult } from '../../shared/rpc';
import { PASSWORD, expectOk, tempDir, type DeskFiles, type ReadyDesk } from './helpers';
import { PERSON_A } from './persons-data';

/** The password an administrator hands out, and the one the user picks at first login. */
export const INITIAL_PASSWORD = 'Start-2026-desk';
export const OWN_PASSWORD = 'Mine-2026-desk';

export type Call = (method: string, input?: unknown) => RpcResult<unknown>;

/** Calls made by the holder of `session` (a browser tab, a window). */
export function callsOf(ready: ReadyDesk, session: string | null): Call {
  return (method, input = {}) => ready.desk.call(session, method, input).result;
}

/** Logs in (from `client`, a computer) and returns the session id together with the session the desk reported. */
export function loginAs(ready: ReadyDesk, username: string, password: string, client?: string): { session: string; view: SessionView } {
  const outcome = ready.desk.call(null, 'auth.login', { username, password }, client);
  const view = expectOk<SessionView>(outcome.result);
  if (!outcome.session || !('set' in outcome.session)) return expect.fail('login did not start a session');
  return { session: outcome.session.set, view };
}

/** The administrator of `ready` creates an account (it must change its password at first login). */
export function createUser(ready: ReadyDesk, username: string, roles: Role[], displayName = '赵磊'): UserView {
  return expectOk<UserView>(ready.call('users.create', { username, displayName, roles, password: INITIAL_PASSWORD }));
}

export interface ActiveUser {
  user: UserView;
  session: string;
  call: Call;
}

/** An account as a colleague uses it: created, logged in, password changed at first login. */
export function activeUser(ready: ReadyDesk, username: string, roles: Role[], displayName = '赵磊'): ActiveUser {
  const user = createUser(ready, username, roles, displayName);
  const { session } = loginAs(ready, username, INITIAL_PASSWORD);
  const call = callsOf(ready, session);
  expectOk(call('auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: OWN_PASSWORD }));
  return { user, session, call };
}

/** The account as the administrator's list shows it. */
export function listedUser(ready: ReadyDesk, username: string, call: Call = ready.call): UserView | undefined {
  return expectOk<UserView[]>(call('users.list', {})).find((u) => u.username === username);
}

export interface StoredUser {
  mustChangePassword: number;
  disabled: number;
}

export interface StoredThrottle {
  scope: 'account_client' | 'client';
  username: string | null;
  client: string;
  failures: number;
  blockedUntil: string | null;
}

/** The login_throttles rows, as the table holds them. */
export function storedThrottles(ready: Pick<ReadyDesk, 'desk'>): StoredThrottle[] {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select t.scope, t.username, t.client, t.failures, t.blocked_until as blockedUntil
       from login_throttles t order by t.scope, t.username, t.client`,
    )
    .all() as StoredThrottle[];
}

export function storedUser(ready: Pick<ReadyDesk, 'desk'>, username: string): StoredUser {
  return ready.desk
    .database()
    .sqlite.prepare(
      `select must_change_password as mustChangePassword, disabled
       from users where username = ?`,
    )
    .get(username) as StoredUser;
}

export interface StoredAudit {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

/** Audit rows as stored, oldest first, optionally only those after `afterId`. */
export function storedAudit(ready: Pick<ReadyDesk, 'desk'>, afterId = 0): StoredAudit[] {
  const rows = ready.desk
    .database()
    .sqlite.prepare(
      `select id, at, actor_user_id as actorUserId, actor_name as actorName, action, entity_type as entityType,
        entity_id as entityId, detail from audit_log where id > ? order by id`,
    )
    .all(afterId) as Array<Omit<StoredAudit, 'detail'> & { detail: string | null }>;
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}

export function lastAuditId(ready: Pick<ReadyDesk, 'desk'>): number {
  return (ready.desk.database().sqlite.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
}

/**
 * A valid input for every method that needs a session, so a refusal can only
 * come from the access rules, whichever the router checks first.
 */
export const SAMPLE_INPUTS: Partial<Record<MethodName, unknown>> = {
  'auth.changePassword': { currentPassword: PASSWORD, newPassword: 'Other-2026-desk' },
  'auth.unlock': { password: PASSWORD },
  'system.info': {},
  'setup.openDemo': {},
  'setup.demoJob': {},
  'setup.leaveDemo': {},
  'divisions.townships': {},
  'divisions.counties': {},
  'divisions.villages': { townshipCode: '320506001' },
  'settings.get': {},
  'settings.update': { idleLockMinutes: 5 },
  'users.list': {},
  'users.create': { username: 'qianqi', displayName: '钱七', roles: ['front_desk'], password: 'Other-2026-desk' },
  'users.setRoles': { id: 1, version: 1, roles: ['front_desk'] },
  'users.setDisabled': { id: 1, version: 1, disabled: true, reason: '测试' },
  'users.setStation': { id: 1, version: 1, stationId: null },
  'users.resetPassword': { id: 1, password: 'Other-2026-desk' },
  'users.liftLoginLimits': { id: 1, reason: '本人输错密码' },
  'persons.register': PERSON_A,
  'persons.get': { id: 1 },
  'persons.search': { query: '' },
  'persons.reveal': { id: 1, field: 'idNumber' },
  'persons.update': { id: 1, version: 1, changes: { address: '越溪街道' }, reason: '补充地址' },
  'persons.corrections': { id: 1 },
  'persons.addQualification': { personId: 1, name: '电工', level: '四级/中级工' },
  'persons.timeline': { id: 1 },
  'persons.merge': { keepId: 1, mergeId: 2, reason: '重复登记' },
  'persons.exportXlsx': { query: '' },
  'audit.list': {},
  'audit.exportXlsx': {},
  'audit.verify': {},
  'audit.personAccessReport': { personId: 1 },
  'audit.recordPrint': { document: '求职登记表' },
  'jobs.get': { id: 'no-such-job' },
  'jobs.cancel': { id: 'no-such-job' },
  'persons.importStart': { fileName: 'roster.xlsx', base64: 'UEsDBA==', dryRun: true },
  'persons.importTemplate': {},
  'cases.create': { personId: 1, caseType: 'unemployment_registration', form: {}, documents: [] },
  'cases.update': { id: 1, version: 1, form: {}, documents: [] },
  'cases.transition': { id: 1, version: 1, action: 'accept' },
  'cases.get': { id: 1 },
  'cases.list': { scope: 'open' },
  'cases.attach': { caseId: 1, version: 1, documentCode: 'id_card', fileName: 'id.png', contentBase64: 'iVBORw0KGgo=' },
  'cases.removeAttachment': { caseId: 1, version: 1, attachmentId: 1, reason: '传错文件' },
  'cases.readAttachment': { id: 1 },
  'contacts.record': { personId: 1, contactDate: '2026-11-27', kind: 'follow_up', channel: 'phone', content: '电话回访，求职意向未变' },
  'contacts.listForPerson': { personId: 1 },
  'contacts.followUpsDue': {},
  'guidance.recordSession': { personId: 1, sessionDate: '2026-11-27', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'] },
  'guidance.forPerson': { personId: 1 },
  'guidance.desk': {},
  'matching.forPerson': { personId: 1 },
  'matching.forVacancy': { vacancyId: 1 },
  'satisfaction.service': { serviceType: 'guidance_session', serviceId: 1 },
  'satisfaction.rate': { serviceType: 'guidance_session', serviceId: 1, rating: 5, channel: 'window' },
  'satisfaction.summary': {},
  'guidance.updatePlanItem': { id: 1, version: 1, status: 'done', doneOn: '2026-11-27' },
  'guidance.refer': { personId: 1, kind: 'training', targetName: '电工培训班', referredOn: '2026-11-27' },
  'guidance.recordReferralOutcome': { id: 1, version: 1, state: 'hired', onDate: '2026-11-27' },
  'guidance.scheduleFollowUp': { personId: 1, dueOn: '2026-12-27' },
  'guidance.completeFollowUp': { id: 1, version: 1, doneOn: '2026-11-27', note: '电话回访' },
  'guidance.followUpsDue': {},
  'startups.list': {},
  'startups.get': { id: 1 },
  'startups.recordStart': { personId: 1, enterpriseId: 1, startedOn: '2026-11-02', kind: 'sole_trader' },
  'startups.linkSubsidyCase': { businessStartId: 1, caseId: 1 },
  'startups.applyLoan': { businessStartId: 1, borrower: 'individual', amountFen: 20_000_000, bank: '农业银行吴中支行', termMonths: 24, guaranteeKind: 'guarantee_fund', appliedOn: '2026-11-20' },
  'startups.addIncubation': { businessStartId: 1, incubator: '吴中创业园', place: 'A区12号', fromOn: '2026-11-01' },
  'stations.list': {},
  'stations.mine': {},
  'stations.create': { name: '木渎镇就业服务站', townshipCode: '320506103', address: '木渎镇中山东路1号' },
  'stations.update': { id: 1, version: 1, name: '木渎镇就业服务站', address: '木渎镇中山东路1号', status: 'active' },
  'stations.summary': { from: '2026-10-21', to: '2026-11-20' },
  'guidance.updateSession': { id: 1, version: 1, sessionDate: '2026-11-27', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'] },
  'guidance.openSubsidyApplication': { referralId: 1 },
  'guidance.createEvent': { kind: 'lecture', title: '求职技巧讲座', eventDate: '2026-11-27', startTime: '09:30', place: '人力资源市场三楼', capacity: 40 },
  'guidance.events': {},
  'guidance.event': { id: 1 },
  'guidance.profile': { personId: 1 },
  'guidance.groupCharts': {},
  'guidance.groupList': { dimension: 'duration', key: 'm3' },
  'guidance.eventCheckIn': { eventId: 1, idNumber: '320102199003071239' },
  'welfarePosts.list': {},
  'welfarePosts.createPost': { employerName: '长桥街道办事处', title: '社区保洁员', positions: 3, periodFrom: '2026-01-01', periodTo: '2028-12-31', monthlySubsidyFen: 180000 },
  'welfarePosts.hire': { postId: 1, personId: 1, hiredOn: '2026-11-27' },
  'welfarePosts.exit': { placementId: 1, version: 1, endedOn: '2026-11-27', reason: 'resigned' },
  'welfarePosts.checkDaily': {},
  'welfarePosts.reminders': {},
  'welfarePosts.checkStatus': {},
  'welfarePosts.subsidies': { month: '2026-11' },
  'gig.workers': {},
  'gig.registerWorker': { personId: 1, skills: ['保洁'], availableDays: [1, 2, 3], dayParts: ['morning'], townshipCode: '320506001', contactConsent: true },
  'gig.updateWorker': { workerId: 1, version: 1, skills: ['保洁'], availableDays: [1], dayParts: ['morning'], townshipCode: '320506001', contactConsent: true, status: 'active' },
  'gig.demands': {},
  'gig.postDemand': {
    source: 'household', contactName: '王阿姨', contactPhone: '13912345678', task: '家庭保洁', townshipCode: '320506001', address: '长桥街道龙西新村12幢',
    workDate: '2026-11-28', startTime: '08:00', endTime: '12:00', payFen: 3000, payUnit: 'hour', peopleNeeded: 1,
  },
  'gig.cancelDemand': { demandId: 1, version: 1, reason: '雇主取消' },
  'gig.matches': { demandId: 1 },
  'gig.dispatch': { demandId: 1, workerId: 1 },
  'gig.complete': { dispatchId: 1, version: 1 },
  'gig.rate': { dispatchId: 1, version: 1, side: 'worker', rating: 5 },
  'gig.statistics': { from: '2026-11-01', to: '2026-11-30' },
  'welfarePosts.recordSubsidies': { month: '2026-11' },
  'training.listProviders': {},
  'training.createProvider': { name: '吴中职业培训学校', creditCode: '91320100MA1XY8129Y' },
  'training.listProgrammes': {},
  'training.createProgramme': {
    providerId: 1, name: '叉车司机', occupationCode: '6-29-03-05', skill: '叉车驾驶', level: 'level5', kind: 'employment_skills', eligibility: 'working_age',
    hours: 80, subsidyPerPersonFen: 120000, validFrom: '2026-01-01', validTo: '2026-12-31',
  },
  'training.listClasses': {},
  'training.createClass': { programmeId: 1, classNumber: '2026-叉车-01', startDate: '2026-12-01', endDate: '2026-12-20', place: '木渎镇实训基地', teacher: '周建国', capacity: 30 },
  'training.classDetail': { classId: 1 },
  'training.claimPreview': { classId: 1 },
  'training.enrol': { classId: 1, personId: 1, enrolledOn: '2026-11-27' },
  'training.withdraw': { enrolmentId: 1, version: 1, reason: '找到工作' },
  'training.addSession': { classId: 1, sessionDate: '2026-11-27', hours: 8 },
  'training.recordAttendance': { sessionId: 1, marks: [{ enrolmentId: 1, present: true }] },
  'training.completeClass': { classId: 1, version: 1, completedOn: '2026-11-27' },
  'training.recordAssessment': { enrolmentId: 1, version: 1, result: 'passed', assessedOn: '2026-11-27' },
  'training.issueCertificate': { enrolmentId: 1, certificateNumber: 'S000032050600001', issuedOn: '2026-11-27' },
  'training.revokeCertificate': { certificateId: 1, version: 1, revokedOn: '2026-11-27', reason: '考核舞弊' },
  'training.forPerson': { personId: 1 },
  'training.rates': { from: '2026-01-01', to: '2026-12-31' },
  'training.rateList': { from: '2026-01-01', to: '2026-12-31', rate: 'employment', grouping: 'all', groupId: 0, member: 'numerator' },
  'registrations.forPerson': { personId: 1 },
  'registrations.cancel': { caseId: 1, version: 1, reason: 'employed', onDate: '2026-11-27' },
  'registrations.noContactProposals': {},
  'certifications.review': { caseId: 1, version: 1, onDate: '2026-11-27' },
  'certifications.suspend': { caseId: 1, version: 1, onDate: '2026-11-27', reason: 'under_verification' },
  'certifications.resume': { caseId: 1, version: 1, onDate: '2026-11-27' },
  'certifications.exit': { caseId: 1, version: 1, onDate: '2026-11-27', reason: 'moved_out' },
  'certifications.reviewsDue': {},
  'calendar.list': { year: 2026 },
  'calendar.set': { date: '2026-10-01', kind: 'holiday', note: '国庆节' },
  'exchange.status': {},
  'exchange.generateCountyKey': { reason: '首次对接省级系统' },
  'exchange.exportPublicKey': {},
  'exchange.importProvinceKey': { fileName: 'province.pub', content: '{"format":"JYFW-SM2-PUBLIC-KEY"}' },
  'exchange.saveSettings': { outboxDir: '/tmp/exchange-outbox', schedule: { kind: 'daily', time: '18:30' } },
  'exchange.exportStart': {},
  'exchange.history': {},
  'exchange.resend': { sequence: 1 },
  'exchange.importReceipt': { fileName: 'receipt.receipt', base64: 'AAAA' },
  'exchange.rejected': {},
  'provinceFeed.status': {},
  'provinceFeed.import': { fileName: '320000-320506-00000001.jyf', base64: 'AAAA' },
  'provinceFeed.personStanding': { personId: 1 },
  'provinceFeed.policyVersions': {},
  'provinceFeed.activatePolicy': { id: 1, reason: '按省厅通知执行' },
  'backups.start': {},
  'backups.list': {},
  'backups.verify': { folder: '/tmp/no-such-backup' },
  'enterprises.register': { creditCode: '91320100MA1XY8129Y', name: '苏州示例精密机械有限公司' },
  'enterprises.get': { id: 1 },
  'enterprises.search': { query: '' },
  'enterprises.update': { id: 1, version: 1, changes: { address: '木渎镇中山东路12号' }, reason: '补充地址' },
  'enterprises.corrections': { id: 1 },
  'enterprises.addContact': { enterpriseId: 1, name: '周敏', phone: '13912345678' },
  'enterprises.setContactActive': { id: 1, version: 1, active: false, reason: '离职' },
  'enterprises.revealContact': { contactId: 1 },
  'enterprises.recordHeadcount': { enterpriseId: 1, asOf: '2026-11-01', insuredCount: 120 },
  'enterprises.timeline': { id: 1 },
  'enterprises.recordVisit': { enterpriseId: 1, visitDate: '2026-11-20', mode: 'on_site', staffUserIds: [1] },
  'enterprises.getVisit': { id: 1 },
  'enterprises.cancelVisit': { id: 1, version: 1, reason: '录入错误' },
  'enterprises.visits': { enterpriseId: 1 },
  'enterprises.tasks': {},
  'enterprises.closeTask': { id: 1, version: 1, status: 'done' },
  'codes.list': { table: 'difficulty_categories' },
  'policies.list': {},
  'policies.get': { code: 'flexible_social_insurance' },
  'policies.evaluate': { policyCode: 'flexible_social_insurance', personId: 1 },
  'policies.saveDraft': { code: 'flexible_social_insurance', definition: {} },
  'policies.activate': { code: 'flexible_social_insurance', version: 1, reason: '启用' },
  'policies.sweepStart': {},
  'policies.sweeps': {},
  'policies.findings': {},
  'policies.finding': { id: 1 },
  'policies.recordOutreach': { findingId: 1, channel: 'phone', contactedOn: '2026-11-27', outcome: 'reached' },
  'policies.openApplication': { findingId: 1 },
  'policies.proposeBatch': { policyCode: 'job_expansion' },
  'policies.batch': { id: 1 },
  'policies.decideBatch': { id: 1, decisions: [{ findingId: 1, decision: 'confirmed' }] },
  'codes.save': { table: 'subsidy_catalogue', code: 'apprenticeship', label: '以工代训补贴', sortOrder: 10, active: true, applicant: 'enterprise', version: null },
  'enterprises.difficultyTypes': {},
  'enterprises.setDifficultyType': { code: 'logistics', label: '物流', sortOrder: 90, active: true },
  'enterprises.staff': {},
  'enterprises.notVisited': { months: 6 },
  'enterprises.visitsByStaff': { from: '2026-01-01', to: '2026-12-31' },
  'enterprises.hiringDemand': {},
  'enterprises.difficultyTally': { from: '2026-01-01', to: '2026-12-31' },
  'enterprises.importStart': { fileName: 'enterprises.xlsx', base64: 'UEsDBA==', dryRun: true },
  'enterprises.importTemplate': {},
  'vacancies.create': { enterpriseId: 1, source: 'walk_in', occupationCode: '6-18-01', title: '焊工', openings: 2 },
  'vacancies.get': { id: 1 },
  'vacancies.update': { id: 1, version: 1, changes: { openings: 3 } },
  'vacancies.setStatus': { id: 1, version: 1, status: 'filled', reason: '已招满' },
  'vacancies.search': {},
  'vacancies.exportXlsx': {},
  'vacancies.importStart': { fileName: 'vacancies.xlsx', base64: 'UEsDBA==', dryRun: true },
  'vacancies.importTemplate': {},
  'fairs.create': { name: '2026年春风行动专场招聘会', campaign: 'spring_breeze', targetGroup: 'rural_labour', channel: 'on_site', startDate: '2026-11-27' },
  'fairs.update': { id: 1, version: 1, name: '2026年春风行动专场招聘会', campaign: 'spring_breeze', targetGroup: 'rural_labour', channel: 'on_site', startDate: '2026-11-27' },
  'fairs.setStatus': { id: 1, version: 1, status: 'cancelled', reason: '场地临时调整' },
  'fairs.get': { id: 1 },
  'fairs.list': {},
  'fairs.addEnterprise': { fairId: 1, enterpriseId: 1, boothNumber: 'A01' },
  'fairs.updateParticipation': { id: 1, version: 1, boothNumber: 'A02', vacancyIds: [] },
  'fairs.checkIn': { fairId: 1, idNumber: '320102199003071239' },
  'fairs.attendances': { fairId: 1 },
  'fairs.recordIntention': { attendanceId: 1, enterpriseId: 1 },
  'fairs.setIntentionOutcome': { id: 1, version: 1, outcome: 'hired' },
  'reports.monthly': { period: '2026-11' },
  'reports.namedList': { period: '2026-11', figure: 'new_employment' },
  'reports.exportNamedList': { period: '2026-11', figure: 'new_employment' },
  'reports.externalFigures': { period: '2026-11' },
  'reports.saveExternalFigures': { period: '2026-11', urbanEmployed: 120000, surveyedUnemploymentRate: '5.1', naturalAttrition: 0, version: null },
  'reports.dashboard': {},
  'reports.trends': {},
  'reports.dashboardCharts': {},
  'reports.casesByStaff': {},
  'reports.caseQueue': {},
  'facts.importStart': { source: 'person_insurance', asOf: '2026-10-31', fileName: '社保个人.xlsx', base64: 'UEsDBA==', dryRun: true },
  'facts.importTemplate': { source: 'deaths' },
  'facts.imports': {},
  'facts.forPerson': { personId: 1 },
  'office.status': {},
  'office.switchOn': { names: ['192.168.1.20'] },
  'office.switchOff': {},
  'office.issuePairingCode': {},
  'office.workstations': {},
  'office.revoke': { id: 1, reason: '电脑报废' },
  'payments.entitlements': {},
  'payments.setAccount': { payeeKind: 'person', payeeId: 1, accountNumber: '6222020200012345678', bankName: '中国工商银行' },
  'payments.buildBatch': { fundSource: 'employment_subsidy_fund', month: '2026-11' },
  'payments.batches': {},
  'payments.batch': { id: 1 },
  'payments.transition': { id: 1, action: 'review' },
  'payments.removeLine': { batchId: 1, lineNo: 1, reason: '移出' },
  'payments.acknowledge': { batchId: 1, lineNo: 1, code: 'shared_account', note: '已核实' },
  'payments.bankFile': { id: 1 },
  'payments.bankResult': { id: 1, fileName: 'result.xlsx', base64: 'AA==' },
  'payments.reverseLine': { batchId: 1, lineNo: 1, on: '2026-11-27', reason: '账户冻结' },
  'payments.recoveries': {},
  'payments.orderRecovery': { batchId: 1, lineNo: 1, amountFen: 100, on: '2026-11-27', reason: '重复享受' },
  'payments.recordRepayment': { recoveryId: 1, amountFen: 100, on: '2026-11-27' },
  'payments.ledger': { year: 2026 },
  'payments.ledgerLines': { year: 2026 },
  'payments.ledgerXlsx': { year: 2026 },
  'payments.setBudget': { fundSource: 'employment_subsidy_fund', year: 2026, amountFen: 100000000 },
  'payments.forPayee': { payeeKind: 'person', payeeId: 1 },
  'spotChecks.list': {},
  'spotChecks.create': { name: '2026年抽查', decidedFrom: '2026-01-01', decidedTo: '2026-11-30', sharePercent: 10 },
  'spotChecks.get': { id: 1 },
  'spotChecks.record': { itemId: 1, finding: 'confirmed', note: '材料齐全' },
  'spotChecks.finish': { id: 1 },
};

export function sampleInput(method: MethodName): unknown {
  const input = SAMPLE_INPUTS[method];
  if (input === undefined) return expect.fail(`no sample input for ${method}: add one to SAMPLE_INPUTS`);
  return input;
}

/** The administrator's command line, run in-process; its printed lines joined. */
export function cli(argv: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const lines: string[] = [];
  const code = runCli(argv, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

export interface CliWorkspace extends DeskFiles {
  /** --db and --key-file, as every command takes them. */
  common: string[];
  passwordFile(name: string, password: string): string;
}

/** A county database made by `init` on the command line (administrator `clerk`, 王芳, also front desk). */
export function cliWorkspace(): CliWorkspace {
  const dir = tempDir('desk-cli-accounts-');
  mkdirSync(join(dir, 'keys'));
  const files: DeskFiles = { dir, dbPath: join(dir, 'data', 'desk.db'), keyFile: join(dir, 'keys', 'desk.key') };
  const common = ['--db', files.dbPath, '--key-file', files.keyFile];
  const passwordFile = (name: string, password: string) => {
    const path = join(dir, name);
    writeFileSync(path, `${password}\n`);
    return path;
  };
  const init = cli(['init', ...common, '--county', '320506', '--admin', 'clerk', '--admin-name', '王芳', '--also-front-desk', '--password-file', passwordFile('admin.txt', PASSWORD)]);
  expect(init.code, init.out).toBe(0);
  return { ...files, common, passwordFile };
}
