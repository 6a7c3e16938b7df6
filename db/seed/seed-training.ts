/**
 * A year of 职业培训 in the demo county, as timeline steps through the router:
 * three providers and five programmes at the start of the year, then a class
 * every three weeks (叉车, 养老护理, 电商, SYB 创业, 电工职工) with a dozen trainees
 * from the registry enrolled days before, a session on the first and last day
 * with attendance (one in ten misses the last), 结业 the next working day,
 * assessment and certificates (one revoked), and — so the 上岗率 has something
 * to count — about half of the employment trainees referred to an open vacancy
 * and answered 录用 within months. One class is still running on the seed's day.
 */
import type Database from 'better-sqlite3';
import type { GuidanceReferralView, TrainingClassDetail, TrainingClassView, TrainingEnrolmentView, TrainingProgrammeView, TrainingProviderView } from '../../shared/contract';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

const STAFF = 'zhidao';
/** The window that takes the provider's 培训补贴 claim, and the reviewer who decides it. */
const DESK = 'qiantai';
const REVIEWER = 'shenhe';
const TRAINEES_PER_CLASS = 12;
const CLASS_EVERY_DAYS = 21;
const PROVIDERS = [
  { name: '吴中区职业技能培训中心', creditCode: '914403001922038216', contactName: '钱校长', address: '长桥街道东吴南路8号' },
  { name: '木渎镇社区学院', creditCode: '91320100MA1XY8129Y', contactName: '周老师', address: '木渎镇中山东路12号' },
  { name: '苏州吴中创业服务中心', creditCode: '91320506MARJT2FQ52', contactName: '陈主任', address: '越溪街道创业园3号楼' },
];
const PROGRAMMES = [
  { provider: 0, short: '叉车', name: '叉车司机', occupationCode: '6-29-03-05', skill: '叉车驾驶', level: 'level5', kind: 'employment_skills', eligibility: 'working_age', hours: 80, subsidyPerPersonFen: 120_000 },
  { provider: 1, short: '养老', name: '养老护理员', occupationCode: '4-10-01-05', skill: '养老护理', level: 'level4', kind: 'employment_skills', eligibility: 'working_age', hours: 120, subsidyPerPersonFen: 180_000 },
  { provider: 1, short: '电商', name: '电子商务运营', occupationCode: '4-01-02-02', skill: '网店运营', level: 'special', kind: 'employment_skills', eligibility: 'working_age', hours: 60, subsidyPerPersonFen: 80_000 },
  { provider: 2, short: 'SYB', name: 'SYB创业培训', occupationCode: '4-07-02', skill: '创办企业', level: 'special', kind: 'entrepreneurship', eligibility: 'working_age', hours: 80, subsidyPerPersonFen: 100_000 },
  { provider: 0, short: '电工', name: '电工（职工岗位技能提升）', occupationCode: '6-31-01-03', skill: '低压电工', level: 'level3', kind: 'employee_upskilling', eligibility: 'employee', hours: 64, subsidyPerPersonFen: 150_000 },
] as const;

interface Candidate { id: number; createdOn: string }

export function planTraining(driver: SeedDriver, sqlite: Database.Database, o: { random: () => number; asOf: string }): Step[] {
  const r = o.random;
  const from = addDays(o.asOf, -365);
  const candidates = sqlite
    .prepare(`select id, substr(created_at, 1, 10) as createdOn from persons where merged_into_id is null and employment_status != 'retired' and birth_date between ? and ? order by id`)
    .all(`${Number(o.asOf.slice(0, 4)) - 50}${o.asOf.slice(4)}`, `${Number(o.asOf.slice(0, 4)) - 19}${o.asOf.slice(4)}`) as Candidate[];
  const alive = sqlite.prepare('select 1 from persons p where p.id = ? and p.merged_into_id is null and not exists (select 1 from person_deaths d where d.person_id = p.id)');
  const employers = sqlite.prepare("select id from enterprises where status = 'active' order by id limit 40");
  const openVacancies = sqlite.prepare("select id from vacancies where status = 'open' and valid_from <= ? and valid_to >= ? order by id limit 200");
  const openReferral = sqlite.prepare("select 1 from guidance_referrals where person_id = ? and vacancy_id = ? and state in ('referred', 'interview')");
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };
  const programmeIds: number[] = [];
  at(from, 8 * 60 + 30, () => {
    const providers = PROVIDERS.map((p) => driver.call<TrainingProviderView>(STAFF, 'training.createProvider', p));
    for (const p of PROGRAMMES) {
      const { provider, short: _short, ...fields } = p;
      const made = driver.call<TrainingProgrammeView>(STAFF, 'training.createProgramme', { ...fields, providerId: providers[provider]?.id ?? 0, validFrom: from, validTo: addDays(o.asOf, 365) });
      programmeIds.push(made?.id ?? 0);
    }
  });

  // Who is in which class when: nobody is planned into two classes that overlap.
  const busy = new Map<number, Array<[string, string]>>();
  const free = (personId: number, start: string, end: string) => !(busy.get(personId) ?? []).some(([s, e]) => s <= end && start <= e);
  let revocationPlanned = false;
  let claimPlanned = false;
  for (let n = 0, start = weekdayOnOrBefore(addDays(from, 24)); start <= addDays(o.asOf, -3); n += 1, start = weekdayOnOrBefore(addDays(start, CLASS_EVERY_DAYS))) {
    const p = n % PROGRAMMES.length;
    const programme = PROGRAMMES[p]!;
    const end = weekdayOnOrBefore(addDays(start, 9));
    const classNumber = `${start.slice(0, 4)}-${programme.short}-${String(n + 1).padStart(2, '0')}`;
    const enrolDay = weekdayOnOrBefore(addDays(start, -4));
    const trainees: Candidate[] = [];
    for (let tries = 0; trainees.length < TRAINEES_PER_CLASS && tries < 200 && candidates.length > 0; tries += 1) {
      const c = candidates[Math.floor(r() * candidates.length)]!;
      if (c.createdOn >= enrolDay || !free(c.id, start, end) || trainees.includes(c)) continue;
      trainees.push(c);
      busy.set(c.id, [...(busy.get(c.id) ?? []), [start, end]]);
    }
    const absentLast = new Set(trainees.filter(() => r() < 0.1).map((t) => t.id));
    const passes = new Map(trainees.map((t) => [t.id, r() < 0.85]));
    const hired = new Map(trainees.map((t) => [t.id, programme.kind === 'employment_skills' && r() < 0.55 ? 5 + Math.floor(r() * 150) : null]));
    const pickedVacancy = r();
    const state: { cls?: TrainingClassView | null; enrolments: TrainingEnrolmentView[] } = { enrolments: [] };

    at(weekdayOnOrBefore(addDays(start, -10)), 10 * 60, () => {
      state.cls = driver.call<TrainingClassView>(STAFF, 'training.createClass', {
        programmeId: programmeIds[p], classNumber, startDate: start, endDate: end, place: PROVIDERS[programme.provider]!.address, teacher: ['周建国', '沈丽华', '顾明'][n % 3], capacity: 30,
      });
    });
    at(enrolDay, 9 * 60 + 30, () => {
      if (!state.cls) return;
      const employerIds = (employers.all() as Array<{ id: number }>).map((e) => e.id);
      for (const t of trainees) {
        if (!alive.get(t.id)) continue;
        const employerEnterpriseId = programme.eligibility === 'employee' ? employerIds[t.id % Math.max(1, employerIds.length)] : undefined;
        if (programme.eligibility === 'employee' && employerEnterpriseId === undefined) continue;
        const e = driver.call<TrainingEnrolmentView>(STAFF, 'training.enrol', { classId: state.cls.id, personId: t.id, enrolledOn: enrolDay, ...(employerEnterpriseId ? { employerEnterpriseId } : {}) });
        if (e) state.enrolments.push(e);
      }
    });
    for (const [day, last] of [[start, false], [end, true]] as const) {
      at(day, 17 * 60, () => {
        if (!state.cls || state.enrolments.length === 0) return;
        const session = driver.call<{ id: number }>(STAFF, 'training.addSession', { classId: state.cls.id, sessionDate: day, hours: 8, topic: last ? '实操考核准备' : '理论与安全' });
        if (session) driver.call(STAFF, 'training.recordAttendance', { sessionId: session.id, marks: state.enrolments.map((e) => ({ enrolmentId: e.id, present: !(last && absentLast.has(e.personId)) })) });
      });
    }
    // The next working day or so after the last: end + 3 days, back to a weekday, is always after a Monday-to-Friday end.
    const closeDay = weekdayOnOrBefore(addDays(end, 3));
    at(closeDay, 10 * 60, () => {
      if (!state.cls || state.enrolments.length === 0) return;
      const detail = driver.call<TrainingClassDetail>(STAFF, 'training.classDetail', { classId: state.cls.id });
      const closed = detail && driver.call<TrainingClassDetail>(STAFF, 'training.completeClass', { classId: state.cls.id, version: detail.trainingClass.version, completedOn: closeDay });
      if (closed) state.enrolments = closed.enrolments;
    });
    const assessDay = weekdayOnOrBefore(addDays(closeDay, 5));
    at(assessDay, 14 * 60, () => {
      state.enrolments = state.enrolments.map((e) => (e.status !== 'completed' ? e : (driver.call<TrainingEnrolmentView>(STAFF, 'training.recordAssessment', {
        enrolmentId: e.id, version: e.version, result: passes.get(e.personId) ? 'passed' : 'failed', assessedOn: assessDay,
      }) ?? e)));
    });
    const certificateDay = weekdayOnOrBefore(addDays(assessDay, 7));
    // The first 创业 class's first certificate is revoked a month later after a spot check, so the 合格率's rule shows.
    const revokes = programme.kind === 'entrepreneurship' && !revocationPlanned;
    if (revokes) revocationPlanned = true;
    let toRevoke: TrainingEnrolmentView | null = null;
    at(certificateDay, 15 * 60, () => {
      for (const e of state.enrolments.filter((x) => x.assessmentResult === 'passed')) {
        const issued = driver.call<TrainingEnrolmentView>(STAFF, 'training.issueCertificate', { enrolmentId: e.id, certificateNumber: `S${classNumber.replace(/\D/g, '')}${String(e.id).padStart(5, '0')}`, issuedOn: certificateDay });
        if (revokes && !toRevoke && issued?.certificate) toRevoke = issued;
      }
    });
    const revokeDay = weekdayOnOrBefore(addDays(certificateDay, 30));
    if (revokes) {
      at(revokeDay, 11 * 60, () => {
        const certificate = (toRevoke as TrainingEnrolmentView | null)?.certificate;
        if (certificate) driver.call(STAFF, 'training.revokeCertificate', { certificateId: certificate.id, version: certificate.version, revokedOn: revokeDay, reason: '抽查发现冒名参训' });
      });
    }
    // The first employment-skills class whose claim can be decided by the seed's day: its provider claims
    // the 培训补贴 (qualified trainees × 补贴标准) at the window; the front desk accepts, the reviewer approves.
    const claimDay = weekdayOnOrBefore(addDays(certificateDay, 10));
    const reviewDay = weekdayOnOrBefore(addDays(claimDay, 3));
    const approveDay = weekdayOnOrBefore(addDays(reviewDay, 3));
    if (!claimPlanned && programme.kind === 'employment_skills' && approveDay <= o.asOf && reviewDay > claimDay && approveDay > reviewDay) {
      claimPlanned = true;
      const provider = PROVIDERS[programme.provider]!;
      const claim: { id?: number; version?: number } = {};
      const move = (action: string, actor: string) => {
        if (claim.id === undefined) return;
        const after = driver.call<{ version: number }>(actor, 'cases.transition', { id: claim.id, version: claim.version, action, comment: null });
        if (after) claim.version = after.version;
      };
      at(claimDay, 9 * 60 + 15, () => {
        if (!state.cls) return;
        const known = sqlite.prepare('select id from enterprises where credit_code = ?').get(provider.creditCode) as { id: number } | undefined;
        const enterpriseId = known?.id ?? driver.call<{ id: number }>(DESK, 'enterprises.register', { creditCode: provider.creditCode, name: provider.name, address: provider.address })?.id;
        if (!enterpriseId) return;
        const made = driver.call<{ id: number; version: number }>(DESK, 'cases.create', {
          enterpriseId, caseType: 'training_subsidy_claim', form: { classNumber, bankAccount: '6228480402564890018', bankName: '农业银行吴中支行' },
          documents: ['business_license', 'training_claim_form', 'trainee_roster', 'bank_account'],
        });
        if (made) Object.assign(claim, { id: made.id, version: made.version });
        move('accept', DESK);
      });
      at(reviewDay, 10 * 60 + 30, () => move('start_review', REVIEWER));
      at(approveDay, 10 * 60 + 30, () => move('approve', REVIEWER));
    }
    // Employment after the class: a referral to a vacancy open that day, answered 录用 a week later.
    for (const t of trainees) {
      const after = hired.get(t.id);
      if (after === null || after === undefined) continue;
      const referDay = weekdayOnOrBefore(addDays(closeDay, after));
      if (referDay <= closeDay) continue;
      const referral: { view?: GuidanceReferralView } = {};
      at(referDay, 11 * 60, () => {
        if (!state.enrolments.some((e) => e.personId === t.id && e.status === 'completed') || !alive.get(t.id)) return;
        const open = openVacancies.all(referDay, referDay) as Array<{ id: number }>;
        const vacancy = open[Math.floor(pickedVacancy * open.length)];
        if (!vacancy || openReferral.get(t.id, vacancy.id)) return;
        referral.view = driver.call<{ referral: GuidanceReferralView }>(STAFF, 'guidance.refer', { personId: t.id, kind: 'vacancy', vacancyId: vacancy.id, referredOn: referDay, note: `${programme.name}培训结业推荐` })?.referral;
      });
      const hiredDay = weekdayOnOrBefore(addDays(referDay, 7));
      at(hiredDay < referDay ? referDay : hiredDay, 16 * 60, () => {
        const view = referral.view;
        if (!view || !view.nextStates.some((s) => s.code === 'hired')) return;
        driver.call(STAFF, 'guidance.recordReferralOutcome', { id: view.id, version: view.version, state: 'hired', onDate: hiredDay < referDay ? referDay : hiredDay, note: '单位答复：培训合格，录用' });
      });
    }
  }
  return steps;
}
