import { inArray } from 'drizzle-orm';
import { maskIdNumber } from '../../shared/domain/masking';
import { CASE_TYPES, type CaseTypeCode } from '../../shared/domain/case-types';
import type { ServiceContext } from '../context';
import { cases, enterprises, fairs, gigDemands, guidanceEvents, paymentBatches, paymentRecoveries, persons, policyVersions, spotChecks, stations, trainingClasses, trainingProgrammes, trainingProviders, users, vacancies, welfarePosts } from '../schema';

/**
 * What an audit entry is about, named as staff know it — 人员档案 张三
 * （3205**********004X）, 业务 320506-2026-00001, 账号 王芳 — instead of the
 * table and row number it is stored under. Resolved for a page of entries at
 * a time, one query per kind; ID numbers stay masked.
 */

/** The kinds of things audit entries name (ctx.audit's entityType), in Chinese. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  person: '人员档案', enterprise: '单位', case: '业务', user: '账号', fair: '招聘会', vacancy: '岗位',
  policy: '政策', policy_batch: '免申即享批次', policy_sweep: '政策比对', exchange_package: '交换包', exchange_key: '交换密钥', province_feed_package: '省级下发数据包',
  backup: '备份', settings: '系统设置', statistics_period: '统计期', difficulty_type: '就业困难人员类别',
  code_entry: '业务代码', calendar: '工作日历', report: '报表', workstation: '工作站',
  payment_entitlement: '应发记录', payment_batch: '发放批次', payment_recovery: '追回', payment_ledger: '补贴发放台账',
  payment_budget: '预算额度', spot_check: '抽查', training_provider: '培训机构', training_programme: '培训项目', training_class: '培训期次', welfare_post: '公益性岗位', gig_demand: '零工需求', station: '就业服务站',
  guidance_event: '团体指导活动',
};

type Ref = { entityType: string | null; entityId: string | null };

function idsOf(refs: readonly Ref[], type: string): number[] {
  return [...new Set(refs.filter((r) => r.entityType === type && r.entityId && /^\d+$/.test(r.entityId)).map((r) => Number(r.entityId)))];
}

type Db = ReturnType<ServiceContext['database']>['db'];

/** For each kind named by row number: its rows' names, as [id, name], read for the ids of one page. */
const NAMES_BY_ID: Record<string, (db: Db, ids: number[]) => Array<[number, string]>> = {
  person: (db, ids) => db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber }).from(persons).where(inArray(persons.id, ids)).all()
    .map((p) => [p.id, `${p.name}（${maskIdNumber(p.idNumber)}）`]),
  enterprise: (db, ids) => db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids)).all().map((e) => [e.id, e.name]),
  case: (db, ids) => db.select({ id: cases.id, receiptNo: cases.receiptNo, caseType: cases.caseType }).from(cases).where(inArray(cases.id, ids)).all()
    .map((c) => {
      const type = CASE_TYPES[c.caseType as CaseTypeCode]?.label ?? '';
      return [c.id, c.receiptNo ? `${type} ${c.receiptNo}` : `${type}草稿（第 ${c.id} 号）`];
    }),
  user: (db, ids) => db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).where(inArray(users.id, ids)).all()
    .map((u) => [u.id, `${u.displayName}（${u.username}）`]),
  fair: (db, ids) => db.select({ id: fairs.id, name: fairs.name }).from(fairs).where(inArray(fairs.id, ids)).all().map((f) => [f.id, f.name]),
  payment_batch: (db, ids) => db.select({ id: paymentBatches.id, number: paymentBatches.number }).from(paymentBatches).where(inArray(paymentBatches.id, ids)).all().map((b) => [b.id, `批次${b.number}`]),
  payment_recovery: (db, ids) => db.select({ id: paymentRecoveries.id, number: paymentRecoveries.number }).from(paymentRecoveries).where(inArray(paymentRecoveries.id, ids)).all().map((r) => [r.id, `追回${r.number}`]),
  spot_check: (db, ids) => db.select({ id: spotChecks.id, name: spotChecks.name }).from(spotChecks).where(inArray(spotChecks.id, ids)).all().map((c) => [c.id, c.name]),
  training_provider: (db, ids) => db.select({ id: trainingProviders.id, name: trainingProviders.name }).from(trainingProviders).where(inArray(trainingProviders.id, ids)).all().map((p) => [p.id, p.name]),
  training_programme: (db, ids) => db.select({ id: trainingProgrammes.id, name: trainingProgrammes.name }).from(trainingProgrammes).where(inArray(trainingProgrammes.id, ids)).all().map((p) => [p.id, p.name]),
  training_class: (db, ids) => db.select({ id: trainingClasses.id, number: trainingClasses.classNumber }).from(trainingClasses).where(inArray(trainingClasses.id, ids)).all().map((c) => [c.id, `期次${c.number}`]),
  welfare_post: (db, ids) => db.select({ id: welfarePosts.id, title: welfarePosts.title, employer: welfarePosts.employerName }).from(welfarePosts).where(inArray(welfarePosts.id, ids)).all().map((p) => [p.id, `${p.employer} ${p.title}`]),
  gig_demand: (db, ids) => db.select({ id: gigDemands.id, task: gigDemands.task, workDate: gigDemands.workDate }).from(gigDemands).where(inArray(gigDemands.id, ids)).all().map((d) => [d.id, `${d.workDate} ${d.task}`]),
  station: (db, ids) => db.select({ id: stations.id, name: stations.name }).from(stations).where(inArray(stations.id, ids)).all().map((r) => [r.id, r.name]),
  guidance_event: (db, ids) => db.select({ id: guidanceEvents.id, title: guidanceEvents.title, on: guidanceEvents.eventDate }).from(guidanceEvents).where(inArray(guidanceEvents.id, ids)).all().map((e) => [e.id, `${e.title}（${e.on}）`]),
  vacancy: (db, ids) => db.select({ id: vacancies.id, title: vacancies.title }).from(vacancies).where(inArray(vacancies.id, ids)).all().map((v) => [v.id, v.title]),
};

/** One label per ref, in order: null when the entry names nothing. */
export function auditEntityLabels(ctx: ServiceContext, refs: readonly Ref[]): Array<string | null> {
  const { db } = ctx.database();
  const named = new Map<string, string>();
  const put = (type: string, id: number | string, text: string) => named.set(`${type}:${id}`, text);
  for (const [type, namesOf] of Object.entries(NAMES_BY_ID)) {
    const ids = idsOf(refs, type);
    if (ids.length) for (const [id, name] of namesOf(db, ids)) put(type, id, name);
  }
  // A policy's entries name a version: "job_expansion.2".
  const policyRefs = refs.filter((r) => r.entityType === 'policy' && r.entityId).map((r) => r.entityId!);
  const policyCodes = [...new Set(policyRefs.map((ref) => ref.split('.')[0]!))];
  const policyNames = new Map(policyCodes.length ? db.select({ code: policyVersions.code, name: policyVersions.name }).from(policyVersions).where(inArray(policyVersions.code, policyCodes)).all().map((p) => [p.code, p.name]) : []);
  for (const ref of policyRefs) {
    const [code, version] = ref.split('.');
    const name = policyNames.get(code!);
    if (name) put('policy', ref, version ? `${name}（第${version}版）` : name);
  }
  return refs.map(({ entityType, entityId }) => {
    if (!entityType) return null;
    const kind = AUDIT_ENTITY_LABELS[entityType] ?? '记录';
    const name = named.get(`${entityType}:${entityId}`);
    if (name) return `${kind} ${name}`;
    return entityId ? `${kind}（第 ${entityId} 号）` : kind;
  });
}
