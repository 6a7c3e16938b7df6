/**
 * The road from a policy to an approved entitlement in the demo county (政策找人/
 * 政策找企, 免申即享), as timeline steps through the router in the last two weeks
 * before asOf:
 *
 * 1. Months earlier, some recent graduates register 灵活就业 at the desk
 *    (就业登记 by the front desk, approved by a reviewer).
 * 2. On one morning the administrator and the head import the departments'
 *    files (seed-department-files.ts): 死亡, 社保个人, 社保单位, 民政, 残联, 市场监管.
 * 3. Next morning a counselor starts the sweep (政策比对) and awaits it.
 * 4. Over the following days the front desk and the counselor contact part of
 *    the findings — phone calls, SMS with the suggested text, a few letters and
 *    visits; some say no — and the front desk opens the prefilled 补贴申请 of
 *    those interested, completes its checklist and accepts it; a reviewer who
 *    did not prepare it approves it.
 * 5. A counselor proposes the 免申即享 batch of 一次性扩岗补助; a reviewer
 *    confirms it (one item rejected with a reason); the front desk completes
 *    the confirmed applications and the head approves them (the reviewer
 *    prepared them by confirming, so another decides).
 *
 * What the sweep finds is read from the database when it has run; every step
 * looks again when it runs, so a finding another step already closed is left
 * alone and nothing is refused.
 */
import type Database from 'better-sqlite3';
import type { BatchView, CaseView, FindingView } from '../../shared/contract';
import { addMonths } from '../../shared/domain/calendar';
import { ageOn } from '../../shared/domain/dates';
import { isHigherEducation } from '../../shared/domain/key-groups';
import { SEED_POLICIES } from '../../shared/domain/policies';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type TimelineStep } from './driver';
import { departmentFiles, type DepartmentFile } from './seed-department-files';
import { Weighted, type Township } from './person-generator';

export interface PolicyPlanOptions {
  random: () => number;
  countyCode: string;
  townships: Township[];
  asOf: string;
  persons: number;
  log: (line: string) => void;
}

/** What the phase did, for the summary and the tests. */
export interface PolicyRoad {
  imports: number;
  findings: number;
  outreach: number;
  applications: number;
  batches: number;
}

const FRONT_DESK = ['qiantai', 'qiantai2'];
const OUTREACH_STAFF = ['zhidao', 'zhidao', 'qiantai', 'qiantai2'];
const DECIDERS = ['shenhe', 'shenhe', 'shenhe', 'juzhang'];
/** Who imports which file: the administrator files other bodies' data; the head takes 民政's list. */
const IMPORTERS: Record<DepartmentFile['source'], string> = {
  deaths: 'admin', person_insurance: 'admin', employer_insurance: 'admin', assistance: 'juzhang', disability_certificates: 'admin', business_registrations: 'admin',
};
const PERSON_DOCUMENTS = ['id_card', 'subsidy_application_form', 'bank_account'];
const ENTERPRISE_DOCUMENTS = ['business_license', 'subsidy_application_form', 'roster', 'bank_account'];
const DECLINED = ['本人已在外地就业，暂不申请', '本人表示暂不需要', '已在其他地区享受同类补贴，不再申请', '单位表示近期不打算申请'];
const CHANNELS = new Weighted<'phone' | 'sms' | 'wechat' | 'letter' | 'home_visit'>([['phone', 48], ['sms', 34], ['wechat', 9], ['letter', 5], ['home_visit', 4]]);
const PHONE_OUTCOMES = new Weighted<'interested' | 'reached' | 'no_answer' | 'declined'>([['interested', 38], ['reached', 22], ['no_answer', 25], ['declined', 15]]);

interface Finding {
  id: number;
  policyCode: string;
  subjectType: 'person' | 'enterprise';
  subjectId: number;
  result: 'eligible' | 'needs_check';
  amountFen: number | null;
}

/** The working days on or before asOf, latest first: days[0] is the last one. */
function recentWorkdays(asOf: string, count: number): string[] {
  const days = [weekdayOnOrBefore(asOf)];
  while (days.length < count) days.push(weekdayOnOrBefore(addDays(days.at(-1)!, -1)));
  return days;
}

/** Months a monthly subsidy's amount pays for, from the policy's amount per month; null for a one-off. */
function monthsPaid(policyCode: string, amountFen: number): number | null {
  const benefit = SEED_POLICIES.find((p) => p.code === policyCode)?.benefit;
  if (benefit?.kind !== 'perUnit' || !benefit.unitsFrom.some((u) => u.endsWith('MonthsLast12'))) return null;
  return Math.max(1, Math.round(amountFen / benefit.amountFen));
}

export function planPolicies(driver: SeedDriver, sqlite: Database.Database, o: PolicyPlanOptions): { steps: TimelineStep[]; road: PolicyRoad } {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const minute = (from: number, span: number) => from + Math.floor(r() * span);
  const road: PolicyRoad = { imports: 0, findings: 0, outreach: 0, applications: 0, batches: 0 };
  const days = recentWorkdays(o.asOf, 10);
  const at = (k: number, m: number) => officeInstant(days[k]!, m);
  const importDay = days[9]!;
  const sweepDay = days[8]!;
  // The departments' monthly files describe the end of the month before they arrive; the death list, last week.
  const fileAsOf = addDays(`${importDay.slice(0, 7)}-01`, -1);
  const deathsAsOf = addDays(importDay, -4);
  // Hires a 一次性扩岗补助 counts: this year's graduates, paid for three months by the sweep.
  const hiresTo = [addMonths(sweepDay, -3), fileAsOf].sort()[0]!;
  const hiresFrom = `${sweepDay.slice(0, 4)}-07-01`;
  const hires = hiresTo >= hiresFrom ? { from: hiresFrom, to: hiresTo, count: Math.max(6, Math.round(o.persons / 800)) } : null;

  const steps: TimelineStep[] = [...flexibleGraduates(driver, sqlite, { ...o, fileAsOf, latest: addDays(importDay, -7) })];

  // —— the departments' files, built from the registry on the morning they arrive ——
  let files: DepartmentFile[] = [];
  (['deaths', 'person_insurance', 'employer_insurance', 'assistance', 'disability_certificates', 'business_registrations'] as const).forEach((source, i) => {
    steps.push({ at: at(9, 9 * 60 + 5 + 20 * i), runAsync: async () => {
      if (files.length === 0) {
        const built = departmentFiles(sqlite, { random: r, countyCode: o.countyCode, townships: o.townships, asOf: fileAsOf, deathsAsOf, hires, maxInsuranceRows: 200_000 });
        files = built.files;
        o.log(`department files: ${files.map((f) => `${f.source} ${f.rows}`).join(', ')}; graduates hired this year ${built.hiredGraduates}`);
      }
      const file = files.find((f) => f.source === source)!;
      const report = await driver.job<{ invalid: number; nothingWritten: boolean; rows: { row: number; column: string; reason: string; kind?: string }[] }>(IMPORTERS[source], 'facts.importStart', {
        source, asOf: file.asOf, fileName: file.fileName, base64: file.base64, dryRun: false, allOrNothing: true,
      });
      if (report && (report.invalid > 0 || report.nothingWritten)) {
        const bad = report.rows.find((row) => !row.kind);
        driver.refusals.push(`facts.importStart（${source}）：${bad ? `第${bad.row}行 ${bad.column}：${bad.reason}` : '未写入'}`);
      } else if (report) road.imports += 1;
    } });
  });

  // —— the sweep, and what staff do with its findings ——
  steps.push({ at: at(8, 9 * 60), runAsync: async () => {
    await driver.job('zhidao', 'policies.sweepStart', {});
    const found = sqlite
      .prepare("select id, policy_code as policyCode, subject_type as subjectType, subject_id as subjectId, result, amount_fen as amountFen from policy_findings where status = 'open' order by id")
      .all() as Finding[];
    road.findings = found.length;
    return [...followUps(found), ...expansionBatch()];
  } });

  const applicantOf = new Map(sqlite.prepare("select code, applicant from code_entries where table_code = 'subsidy_catalogue'").all().map((row) => {
    const { code, applicant } = row as { code: string; applicant: string | null };
    return [code, applicant];
  }));
  const findingStatus = sqlite.prepare('select status, case_id as caseId from policy_findings where id = ?');
  const openApplication = sqlite.prepare(
    `select 1 from cases where item_code = ? and state in ('draft', 'accepted', 'in_review', 'returned')
       and (case when ? = 'person' then person_id else enterprise_id end) = ?`,
  ).pluck();
  const stillOpen = (f: Finding) => {
    const row = findingStatus.get(f.id) as { status: string; caseId: number | null } | undefined;
    return row !== undefined && (row.status === 'open' || row.status === 'contacted') && row.caseId === null;
  };

  /** Completes a prefilled application (checklist and period), accepts it, and has someone else review and approve it. */
  function workflow(view: { id: number; version: number; form: Record<string, string | null> }, preparer: string, f: Finding, from: number, decider = pick(DECIDERS)): TimelineStep[] {
    const held = { id: view.id, version: view.version };
    const months = f.amountFen === null ? null : monthsPaid(f.policyCode, f.amountFen);
    const form = months === null ? view.form : { ...view.form, periodFrom: addMonths(`${fileAsOf.slice(0, 7)}-01`, -(months - 1)), periodTo: fileAsOf };
    const completed = driver.call<CaseView>(preparer, 'cases.update', { id: held.id, version: held.version, form, documents: f.subjectType === 'person' ? PERSON_DOCUMENTS : ENTERPRISE_DOCUMENTS });
    const accepted = completed && driver.call<CaseView>(preparer, 'cases.transition', { id: held.id, version: completed.version, action: 'accept', comment: null });
    if (!accepted) return [];
    held.version = accepted.version;
    const review = from - 1 - Math.floor(r() * 2);
    const decide = review - (r() < 0.5 ? 0 : 1);
    const later: TimelineStep[] = [];
    if (review >= 0) {
      later.push({ at: at(review, minute(9 * 60, 120)), run: () => {
        const after = driver.call<CaseView>(decider, 'cases.transition', { id: held.id, version: held.version, action: 'start_review', comment: null });
        if (after) held.version = after.version;
      } });
    }
    if (review >= 0 && decide >= 0) {
      const comment = f.result === 'needs_check' ? '已人工核查政策所列条件，材料齐全，符合条件' : '经部门数据比对及材料审核，符合条件';
      later.push({ at: at(decide, minute(14 * 60, 150)), run: () => {
        const after = driver.call<CaseView>(decider, 'cases.transition', { id: held.id, version: held.version, action: 'approve', comment });
        if (after) held.version = after.version;
      } });
    }
    return later;
  }

  /** Outreach on part of each policy's findings, and the applications of those interested. */
  function followUps(found: Finding[]): TimelineStep[] {
    const later: TimelineStep[] = [];
    const byPolicy = new Map<string, Finding[]>();
    for (const f of found) {
      const list = byPolicy.get(f.policyCode) ?? [];
      if (list.length === 0) byPolicy.set(f.policyCode, list);
      list.push(f);
    }
    for (const [policyCode, list] of byPolicy) {
      const policy = SEED_POLICIES.find((p) => p.code === policyCode);
      // 免申即享 findings wait for a batch instead of a call.
      if (!policy || policy.noApplication) continue;
      const quota = Math.min(Math.ceil(list.length * 0.6), Math.max(4, Math.round(o.persons / (policy.target === 'person' ? 250 : 1_000))));
      const chosen = [...list];
      for (let i = chosen.length - 1; i > 0; i -= 1) {
        const j = Math.floor(r() * (i + 1));
        [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
      }
      const canApply = (f: Finding) => f.amountFen !== null && [f.subjectType, 'both'].includes(applicantOf.get(f.policyCode) ?? '');
      for (const f of chosen.slice(0, quota)) later.push(...outreach(f, canApply(f)));
    }
    return later;
  }

  /**
   * One finding's outreach: firms are called; people get the suggested SMS (政策告知短信) or a call,
   * WeChat message, letter or visit. Those who do not answer are called again a day or two later,
   * and half of those who got the SMS without replying are called too.
   */
  function outreach(f: Finding, canApply: boolean): TimelineStep[] {
    type Outcome = 'interested' | 'reached' | 'no_answer' | 'declined';
    const staff = f.subjectType === 'enterprise' ? 'zhidao' : pick(OUTREACH_STAFF);
    const channel = f.subjectType === 'enterprise' ? 'phone' : r() < 0.5 ? 'sms' : CHANNELS.pick(r);
    const k = 8 - Math.floor(r() * 6);
    const spoken = (how: typeof channel): Outcome => {
      const outcome = PHONE_OUTCOMES.pick(r);
      return how === 'home_visit' && outcome === 'no_answer' ? 'reached' : outcome;
    };
    const outcome: Outcome = channel === 'phone' || channel === 'home_visit' ? spoken(channel) : r() < 0.35 ? 'interested' : 'reached';
    const steps: TimelineStep[] = [];
    const record = (day: number, m: number, who: string, how: typeof channel, result: Outcome) => {
      const note = result === 'declined' ? pick(DECLINED) : result === 'no_answer' ? '电话无人接听，改日再联系' : how === 'sms' && result === 'interested' ? '本人回复短信，询问办理材料' : null;
      steps.push({ at: at(day, m), run: () => {
        if (!stillOpen(f)) return;
        // The text sent is the one the finding suggests, as staff copy it from the finding's page.
        const message = how === 'sms' || how === 'wechat' ? driver.call<FindingView>(who, 'policies.finding', { id: f.id })?.suggestedMessage : undefined;
        if ((how === 'sms' || how === 'wechat') && !message) return;
        const made = driver.call(who, 'policies.recordOutreach', { findingId: f.id, channel: how, contactedOn: days[day]!, outcome: result, ...(message ? { message } : {}), ...(note ? { note } : {}) });
        if (made) road.outreach += 1;
      } });
    };
    record(k, minute(k === 8 ? 13 * 60 + 30 : 9 * 60, k === 8 ? 180 : 450), staff, channel, outcome);
    let interestedOn = outcome === 'interested' ? k : -1;
    if (k >= 2 && (outcome === 'no_answer' || (channel === 'sms' && outcome === 'reached' && r() < 0.5))) {
      const again = k - 1 - Math.floor(r() * Math.min(2, k - 1));
      const second = outcome === 'no_answer' ? (r() < 0.5 ? 'interested' : 'reached') : spoken('phone');
      record(again, minute(9 * 60, 450), staff, 'phone', second);
      if (second === 'interested') interestedOn = again;
    }
    if (canApply && interestedOn >= 1 && r() < 0.85) {
      const k2 = interestedOn - 1 - Math.floor(r() * Math.min(2, interestedOn));
      if (k2 >= 0) {
        const preparer = pick(FRONT_DESK);
        steps.push({ at: at(k2, minute(9 * 60, 420)), runAsync: async () => {
          if (!stillOpen(f) || openApplication.get(f.policyCode, f.subjectType, f.subjectId)) return [];
          const view = driver.call<CaseView>(preparer, 'policies.openApplication', { findingId: f.id });
          if (!view) return [];
          road.applications += 1;
          return workflow(view, preparer, f, k2);
        } });
      }
    }
    return steps;
  }

  /** 一次性扩岗补助 as 免申即享: a counselor proposes the batch, a reviewer decides it, the confirmed go through the workflow. */
  function expansionBatch(): TimelineStep[] {
    const policyCode = 'job_expansion';
    const held = { batchId: 0 };
    const candidates = sqlite.prepare(
      "select count(*) from policy_findings where policy_code = ? and result = 'eligible' and status in ('open', 'contacted') and batch_id is null and case_id is null",
    ).pluck();
    return [
      { at: at(7, minute(10 * 60, 60)), run: () => {
        if (Number(candidates.get(policyCode)) === 0) return;
        const batch = driver.call<BatchView>('zhidao', 'policies.proposeBatch', { policyCode });
        if (batch) held.batchId = batch.id;
      } },
      { at: at(6, minute(14 * 60, 90)), runAsync: async () => {
        if (held.batchId === 0) return [];
        const items = sqlite.prepare('select id, subject_id as enterpriseId, amount_fen as amountFen from policy_findings where batch_id = ? and decision is null order by id').all(held.batchId) as { id: number; enterpriseId: number; amountFen: number | null }[];
        const rejected = items.length > 1 ? items[Math.floor(r() * items.length)]!.id : null;
        const decisions = items.map((item) =>
          openApplication.get(policyCode, 'enterprise', item.enterpriseId)
            ? { findingId: item.id, decision: 'rejected' as const, reason: '该单位已有正在办理的一次性扩岗补助申请，不重复受理' }
            : item.id === rejected
              ? { findingId: item.id, decision: 'rejected' as const, reason: '经电话核实，新招用的高校毕业生已于试用期内离职，不予确认' }
              : { findingId: item.id, decision: 'confirmed' as const },
        );
        let decided: BatchView | null = null;
        for (let from = 0; from < decisions.length; from += 2_000) decided = driver.call<BatchView>('shenhe', 'policies.decideBatch', { id: held.batchId, decisions: decisions.slice(from, from + 2_000) }) ?? decided;
        if (!decided) return [];
        road.batches += 1;
        const confirmed = decided.items.filter((item) => item.status === 'applied' && item.caseId !== null);
        const cases = sqlite.prepare('select id, version, form from cases where id = ?');
        return confirmed.map((item) => ({ at: at(5, minute(9 * 60, 420)), runAsync: async () => {
          const row = cases.get(item.caseId) as { id: number; version: number; form: string };
          road.applications += 1;
          const f: Finding = { id: item.id, policyCode, subjectType: 'enterprise', subjectId: item.subject.id, result: 'eligible', amountFen: item.amountFen };
          // The reviewer made these applications by confirming them: the head decides them (separation of duties).
          return workflow({ id: row.id, version: row.version, form: JSON.parse(row.form) as Record<string, string | null> }, pick(FRONT_DESK), f, 5, 'juzhang');
        } }));
      } },
    ];
  }

  return { steps, road };
}

/**
 * Recent graduates who took up flexible work and registered it (就业登记,
 * 灵活就业) between graduating and two months before the 社保 file's date, so
 * that file shows their own contributions: the 政策找人 road's first case.
 * They are drawn from graduates not in the labour force — never candidates of
 * the timeline's own cases (seed-cases.ts), which would then find them at work.
 */
function flexibleGraduates(driver: SeedDriver, sqlite: Database.Database, o: PolicyPlanOptions & { fileAsOf: string; latest: string }): TimelineStep[] {
  const r = o.random;
  const lastStart = addMonths(o.fileAsOf, -2);
  const graduates = (sqlite
    .prepare(
      `select id, birth_date as birthDate, education_code as education, graduation_date as graduationDate, substr(created_at, 1, 10) as createdOn from persons
       where graduation_date between ? and ? and employment_status = 'not_in_labour_force' and merged_into_id is null order by id`,
    )
    .all(addMonths(o.fileAsOf, -20), addMonths(o.fileAsOf, -3)) as { id: number; birthDate: string; education: string | null; graduationDate: string; createdOn: string }[])
    .filter((g) => isHigherEducation(g.education) && ageOn(g.birthDate, o.asOf) < 35);
  const hasEmployment = sqlite.prepare("select 1 from cases where person_id = ? and case_type = 'employment_registration'").pluck();
  const status = sqlite.prepare('select employment_status from persons where id = ?').pluck();
  const steps: TimelineStep[] = [];
  const wanted = Math.max(8, Math.round(o.persons / 500));
  for (let i = 0; i < wanted && graduates.length > 0; i += 1) {
    const graduate = graduates.splice(Math.floor(r() * graduates.length), 1)[0]!;
    const earliest = [addDays(graduate.graduationDate, 14), addDays(o.asOf, -330)].sort().at(-1)!;
    if (earliest > lastStart) continue;
    const span = Math.round((Date.parse(lastStart) - Date.parse(earliest)) / 86_400_000);
    const startDate = addDays(earliest, Math.floor(r() * (span + 1)));
    const filed = weekdayOnOrBefore(addDays(startDate, 3 + Math.floor(r() * 10)));
    const approved = weekdayOnOrBefore(addDays(filed, 1 + Math.floor(r() * 3)));
    if (filed <= startDate || filed < graduate.createdOn || approved > o.latest) continue;
    const preparer = FRONT_DESK[Math.floor(r() * 2)]!;
    const decider = DECIDERS[Math.floor(r() * DECIDERS.length)]!;
    const m = 9 * 60 + Math.floor(r() * 400);
    const held = { id: 0, version: 0 };
    steps.push({ at: officeInstant(filed, m), run: () => {
      if (hasEmployment.get(graduate.id) || status.get(graduate.id) === 'employed') return;
      const made = driver.call<CaseView>(preparer, 'cases.create', { personId: graduate.id, caseType: 'employment_registration', form: { channel: 'flexible', startDate }, documents: ['id_card', 'flexible_declaration'] });
      const accepted = made && driver.call<CaseView>(preparer, 'cases.transition', { id: made.id, version: made.version, action: 'accept', comment: null });
      if (accepted) Object.assign(held, { id: accepted.id, version: accepted.version });
    } });
    steps.push({ at: officeInstant(approved, m + 30), run: () => {
      if (held.id === 0) return;
      const review = driver.call<CaseView>(decider, 'cases.transition', { id: held.id, version: held.version, action: 'start_review', comment: null });
      if (review) driver.call(decider, 'cases.transition', { id: held.id, version: review.version, action: 'approve', comment: '灵活就业，同意登记' });
    } });
  }
  return steps;
}
