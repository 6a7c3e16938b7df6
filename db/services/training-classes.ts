import { and, asc, desc, eq, inArray, min, ne } from 'drizzle-orm';
import type { ParsedInputOf, TimelineSection, TrainingClassDetail, TrainingEnrolmentView, TrainingSessionView } from '../../shared/contract';
import { maskIdNumber } from '../../shared/domain/masking';
import { formatYuan } from '../../shared/domain/payments/money';
import {
  ASSESSMENT_RESULTS, ENROLMENT_STATUSES, SKILL_LEVELS, TRAINING_KINDS, assessmentProblems, certificateProblems, completionOf, completionProblems,
  enrolmentProblems, revocationProblems, sessionDateProblem, trainingLabel,
} from '../../shared/domain/training';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import {
  cases, enterprises, personDeaths, persons, trainingAttendance, trainingCertificates, trainingClaimTrainees, trainingClasses, trainingEnrolments, trainingProgrammes, trainingProviders, trainingSessions,
} from '../schema';
import { createdStamps, updateVersioned } from './row-stamps';
import { classViews, programmeView, refuseProblems } from './training-catalogue';

type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

function requireClass(ctx: ServiceContext, classId: number) {
  const row = ctx.database().db.select().from(trainingClasses).where(eq(trainingClasses.id, classId)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${classId} 的培训期次`, { fields: { classId: '期次不存在' } });
  return row;
}

function requireEnrolment(ctx: ServiceContext, enrolmentId: number): EnrolmentRow {
  const row = ctx.database().db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, enrolmentId)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${enrolmentId} 的培训学员记录`, { fields: { enrolmentId: '学员记录不存在' } });
  return row;
}

/** Enrolments with person, class, attendance hours and certificate, as the class page and the profile show them. */
export function enrolmentViews(ctx: ServiceContext, rows: EnrolmentRow[]): TrainingEnrolmentView[] {
  const { db } = ctx.database();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = new Map(db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber }).from(persons).where(inArray(persons.id, [...new Set(rows.map((r) => r.personId))])).all().map((p) => [p.id, p]));
  const classes = new Map(
    db.select({ id: trainingClasses.id, classNumber: trainingClasses.classNumber, programmeName: trainingProgrammes.name })
      .from(trainingClasses).innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingClasses.programmeId))
      .where(inArray(trainingClasses.id, [...new Set(rows.map((r) => r.classId))])).all().map((c) => [c.id, c]),
  );
  const employerIds = [...new Set(rows.map((r) => r.employerEnterpriseId).filter((id): id is number => id !== null))];
  const employers = new Map(employerIds.length === 0 ? [] : db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, employerIds)).all().map((e) => [e.id, e.name]));
  const hours = new Map<number, number>();
  for (const a of db.select({ enrolmentId: trainingAttendance.enrolmentId, hours: trainingSessions.hours }).from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(inArray(trainingAttendance.enrolmentId, ids), eq(trainingAttendance.present, true))).all()) {
    hours.set(a.enrolmentId, (hours.get(a.enrolmentId) ?? 0) + a.hours);
  }
  const certificates = new Map(db.select().from(trainingCertificates).where(inArray(trainingCertificates.enrolmentId, ids)).all().map((c) => [c.enrolmentId, c]));
  return rows.map((r) => {
    const person = people.get(r.personId)!;
    const cls = classes.get(r.classId)!;
    const c = certificates.get(r.id);
    return {
      id: r.id, classId: r.classId, classNumber: cls.classNumber, programmeName: cls.programmeName, personId: r.personId, personName: person.name,
      idNumberMasked: maskIdNumber(person.idNumber), employerName: r.employerEnterpriseId ? (employers.get(r.employerEnterpriseId) ?? null) : null,
      enrolledOn: r.enrolledOn, status: r.status, statusLabel: trainingLabel(ENROLMENT_STATUSES, r.status), completedOn: r.completedOn,
      attendedHours: hours.get(r.id) ?? 0, assessmentResult: r.assessmentResult, assessmentLabel: trainingLabel(ASSESSMENT_RESULTS, r.assessmentResult),
      assessedOn: r.assessedOn,
      certificate: c
        ? { id: c.id, certificateNumber: c.certificateNumber, level: c.level, levelLabel: trainingLabel(SKILL_LEVELS, c.level), issuedOn: c.issuedOn, revokedOn: c.revokedOn, revokeReason: c.revokeReason, version: c.version }
        : null,
      version: r.version,
    };
  });
}

function sessionViews(ctx: ServiceContext, classId: number): TrainingSessionView[] {
  const { db } = ctx.database();
  const sessions = db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.sessionDate)).all();
  const marks = sessions.length === 0 ? [] : db.select().from(trainingAttendance).where(inArray(trainingAttendance.sessionId, sessions.map((s) => s.id))).all();
  return sessions.map((s) => {
    const own = marks.filter((m) => m.sessionId === s.id);
    return { id: s.id, sessionDate: s.sessionDate, hours: s.hours, topic: s.topic, present: own.filter((m) => m.present).map((m) => m.enrolmentId), absent: own.filter((m) => !m.present).map((m) => m.enrolmentId) };
  });
}

export function classDetail(ctx: ServiceContext, input: ParsedInputOf<'training.classDetail'>): TrainingClassDetail {
  const { db } = ctx.database();
  const row = requireClass(ctx, input.classId);
  const programme = db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, row.programmeId)).get()!;
  const provider = db.select({ name: trainingProviders.name }).from(trainingProviders).where(eq(trainingProviders.id, programme.providerId)).get()!;
  const enrolments = db.select().from(trainingEnrolments).where(eq(trainingEnrolments.classId, row.id)).orderBy(asc(trainingEnrolments.id)).all();
  return { trainingClass: classViews(ctx, [row])[0]!, programme: programmeView(programme, provider.name), sessions: sessionViews(ctx, row.id), enrolments: enrolmentViews(ctx, enrolments) };
}

const ENROL_LABELS = { classId: '培训期次', personId: '学员', enrolledOn: '报名日期', employerEnterpriseId: '所在单位' };

/** 报名: the person from the registry, checked for age, eligibility and overlapping classes; refused whole. */
export function enrol(ctx: ServiceContext, input: ParsedInputOf<'training.enrol'>): TrainingEnrolmentView {
  const { db } = ctx.database();
  const cls = requireClass(ctx, input.classId);
  const programme = db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, cls.programmeId)).get()!;
  const person = db.select().from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) refuseProblems({ personId: `没有编号为 ${input.personId} 的人员档案` }, ENROL_LABELS);
  if (person!.mergedIntoId !== null) throw new AppError('CONFLICT', `该档案已并入编号 ${person!.mergedIntoId} 的档案，请在保留的档案上报名`);
  const employerEnterpriseId = input.employerEnterpriseId ?? null;
  if (employerEnterpriseId !== null && !db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, employerEnterpriseId)).get()) {
    refuseProblems({ employerEnterpriseId: `没有编号为 ${employerEnterpriseId} 的单位` }, ENROL_LABELS);
  }
  if (db.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.personId, person!.id))).get()) {
    refuseProblems({ personId: `${person!.name}已报名本期次（${cls.classNumber}）` }, ENROL_LABELS);
  }
  const enrolled = db.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, cls.id), ne(trainingEnrolments.status, 'withdrawn'))).all().length;
  const others = db
    .select({ classNumber: trainingClasses.classNumber, startDate: trainingClasses.startDate, endDate: trainingClasses.endDate })
    .from(trainingEnrolments).innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(and(eq(trainingEnrolments.personId, person!.id), inArray(trainingEnrolments.status, ['enrolled', 'completed']), ne(trainingClasses.status, 'cancelled')))
    .all();
  const deathDate = db.select({ d: min(personDeaths.diedOn) }).from(personDeaths).where(eq(personDeaths.personId, person!.id)).get()?.d ?? null;
  const problems = enrolmentProblems(
    { birthDate: person!.birthDate, sex: person!.sex, femaleRetirementCategory: person!.femaleRetirementCategory, employmentStatus: person!.employmentStatus, deathDate },
    { classNumber: cls.classNumber, startDate: cls.startDate, endDate: cls.endDate, status: cls.status, capacity: cls.capacity, enrolled, eligibility: programme.eligibility },
    { enrolledOn: input.enrolledOn, employerEnterpriseId },
    others,
    ctx.today,
  );
  refuseProblems(problems, ENROL_LABELS);
  const row = db.insert(trainingEnrolments).values({ classId: cls.id, personId: person!.id, employerEnterpriseId, enrolledOn: input.enrolledOn, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'training.enrol', entityType: 'person', entityId: person!.id, detail: { classNumber: cls.classNumber, enrolmentId: row.id } });
  return enrolmentViews(ctx, [row])[0]!;
}

export function withdraw(ctx: ServiceContext, input: ParsedInputOf<'training.withdraw'>): TrainingEnrolmentView {
  const row = requireEnrolment(ctx, input.enrolmentId);
  if (row.status !== 'enrolled') refuseProblems({ enrolmentId: `学员状态为“${trainingLabel(ENROLMENT_STATUSES, row.status)}”，不能退学` }, { enrolmentId: '学员' });
  const after = updateVersioned(ctx, trainingEnrolments, row, input.version, { status: 'withdrawn', withdrawnReason: input.reason }, '该学员记录已被他人更新，请刷新后重试');
  ctx.audit({ action: 'training.withdraw', entityType: 'person', entityId: row.personId, detail: { enrolmentId: row.id, reason: input.reason } });
  return enrolmentViews(ctx, [after])[0]!;
}

export function addSession(ctx: ServiceContext, input: ParsedInputOf<'training.addSession'>): TrainingSessionView {
  const { db } = ctx.database();
  const cls = requireClass(ctx, input.classId);
  if (cls.status !== 'planned') refuseProblems({ classId: '该期次已结业或取消，不能再记录课次' }, { classId: '培训期次' });
  const problem = sessionDateProblem(input.sessionDate, cls, ctx.today);
  if (problem) refuseProblems({ sessionDate: problem }, { sessionDate: '上课日期' });
  if (db.select({ id: trainingSessions.id }).from(trainingSessions).where(and(eq(trainingSessions.classId, cls.id), eq(trainingSessions.sessionDate, input.sessionDate))).get()) {
    refuseProblems({ sessionDate: `${input.sessionDate}已有课次` }, { sessionDate: '上课日期' });
  }
  const row = db.insert(trainingSessions).values({ classId: cls.id, sessionDate: input.sessionDate, hours: input.hours, topic: input.topic || null, ...createdStamps(ctx) }).returning().get();
  ctx.audit({ action: 'training.addSession', entityType: 'training_class', entityId: cls.id, detail: { sessionDate: row.sessionDate, hours: row.hours } });
  return sessionViews(ctx, cls.id).find((s) => s.id === row.id)!;
}

/** Marks for one session; a mark given again replaces the earlier one for that trainee. */
export function recordAttendance(ctx: ServiceContext, input: ParsedInputOf<'training.recordAttendance'>): TrainingSessionView {
  const { db } = ctx.database();
  const session = db.select().from(trainingSessions).where(eq(trainingSessions.id, input.sessionId)).get();
  if (!session) throw new AppError('NOT_FOUND', `没有编号为 ${input.sessionId} 的课次`);
  const cls = requireClass(ctx, session.classId);
  if (cls.status !== 'planned') refuseProblems({ sessionId: '该期次已结业或取消，考勤不能再改' }, { sessionId: '课次' });
  const ids = [...new Set(input.marks.map((m) => m.enrolmentId))];
  if (ids.length !== input.marks.length) refuseProblems({ marks: '同一学员在一次考勤中只能出现一次' }, { marks: '考勤' });
  const enrolments = new Map(db.select().from(trainingEnrolments).where(inArray(trainingEnrolments.id, ids)).all().map((e) => [e.id, e]));
  input.marks.forEach((m, i) => {
    const e = enrolments.get(m.enrolmentId);
    if (!e || e.classId !== cls.id) refuseProblems({ [`marks.${i}.enrolmentId`]: '不是本期次的学员' }, { [`marks.${i}.enrolmentId`]: `考勤第${i + 1}行` });
    if (e!.status !== 'enrolled') refuseProblems({ [`marks.${i}.enrolmentId`]: `学员已${trainingLabel(ENROLMENT_STATUSES, e!.status)}，不能记录考勤` }, { [`marks.${i}.enrolmentId`]: `考勤第${i + 1}行` });
  });
  for (const m of input.marks) {
    const existing = db.select().from(trainingAttendance).where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.enrolmentId, m.enrolmentId))).get();
    if (existing) {
      if (existing.present !== m.present) updateVersioned(ctx, trainingAttendance, existing, existing.version, { present: m.present }, '考勤已被他人更新，请刷新后重试');
    } else {
      db.insert(trainingAttendance).values({ sessionId: session.id, enrolmentId: m.enrolmentId, present: m.present, ...createdStamps(ctx) }).run();
    }
  }
  ctx.audit({ action: 'training.recordAttendance', entityType: 'training_class', entityId: cls.id, detail: { sessionDate: session.sessionDate, present: input.marks.filter((m) => m.present).length, absent: input.marks.filter((m) => !m.present).length } });
  return sessionViews(ctx, cls.id).find((s) => s.id === session.id)!;
}

/** 结业: each trainee still enrolled completes when present for enough of the class's hours. */
export function completeClass(ctx: ServiceContext, input: ParsedInputOf<'training.completeClass'>): TrainingClassDetail {
  const { db } = ctx.database();
  const cls = requireClass(ctx, input.classId);
  const sessions = db.select().from(trainingSessions).where(eq(trainingSessions.classId, cls.id)).all();
  refuseProblems(completionProblems({ endDate: cls.endDate, status: cls.status, sessions: sessions.length }, input.completedOn, ctx.today), { classId: '培训期次', completedOn: '结业日期' });
  updateVersioned(ctx, trainingClasses, cls, input.version, { status: 'closed' }, '该期次已被他人更新，请刷新后重试');
  const totalHours = sessions.reduce((sum, s) => sum + s.hours, 0);
  const enrolled = db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.status, 'enrolled'))).all();
  const attended = new Map(enrolmentViews(ctx, enrolled).map((v) => [v.id, v.attendedHours]));
  let completed = 0;
  for (const e of enrolled) {
    const status = completionOf(attended.get(e.id) ?? 0, totalHours);
    if (status === 'completed') completed += 1;
    updateVersioned(ctx, trainingEnrolments, e, e.version, { status, completedOn: status === 'completed' ? input.completedOn : null }, '学员记录已被他人更新，请刷新后重试');
  }
  ctx.audit({ action: 'training.completeClass', entityType: 'training_class', entityId: cls.id, detail: { completedOn: input.completedOn, completed, notCompleted: enrolled.length - completed } });
  return classDetail(ctx, { classId: cls.id });
}

export function recordAssessment(ctx: ServiceContext, input: ParsedInputOf<'training.recordAssessment'>): TrainingEnrolmentView {
  const row = requireEnrolment(ctx, input.enrolmentId);
  refuseProblems(assessmentProblems(row, input.assessedOn, ctx.today), { enrolmentId: '学员', assessedOn: '考核日期' });
  const after = updateVersioned(ctx, trainingEnrolments, row, input.version, { assessmentResult: input.result, assessedOn: input.assessedOn }, '该学员记录已被他人更新，请刷新后重试');
  ctx.audit({ action: 'training.recordAssessment', entityType: 'person', entityId: row.personId, detail: { enrolmentId: row.id, assessment: input.result, assessedOn: input.assessedOn } });
  return enrolmentViews(ctx, [after])[0]!;
}

const CERTIFICATE_LABELS = { enrolmentId: '学员', certificateNumber: '证书编号', issuedOn: '发证日期', certificateId: '证书', revokedOn: '撤销日期' };

export function issueCertificate(ctx: ServiceContext, input: ParsedInputOf<'training.issueCertificate'>): TrainingEnrolmentView {
  const { db } = ctx.database();
  const row = requireEnrolment(ctx, input.enrolmentId);
  const hasCertificate = db.select({ id: trainingCertificates.id }).from(trainingCertificates).where(eq(trainingCertificates.enrolmentId, row.id)).get() !== undefined;
  const certificateNumber = input.certificateNumber.toUpperCase();
  refuseProblems(certificateProblems({ ...row, hasCertificate }, { certificateNumber, issuedOn: input.issuedOn }, ctx.today), CERTIFICATE_LABELS);
  if (db.select({ id: trainingCertificates.id }).from(trainingCertificates).where(eq(trainingCertificates.certificateNumber, certificateNumber)).get()) {
    refuseProblems({ certificateNumber: `证书编号${certificateNumber}已登记给其他学员` }, CERTIFICATE_LABELS);
  }
  const programme = db.select({ level: trainingProgrammes.level }).from(trainingClasses).innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingClasses.programmeId)).where(eq(trainingClasses.id, row.classId)).get()!;
  const level = input.level ?? programme.level;
  db.insert(trainingCertificates).values({ enrolmentId: row.id, certificateNumber, level, issuedOn: input.issuedOn, ...createdStamps(ctx) }).run();
  ctx.audit({ action: 'training.issueCertificate', entityType: 'person', entityId: row.personId, detail: { enrolmentId: row.id, certificateNumber, certificateLevel: level } });
  return enrolmentViews(ctx, [row])[0]!;
}

export function revokeCertificate(ctx: ServiceContext, input: ParsedInputOf<'training.revokeCertificate'>): TrainingEnrolmentView {
  const { db } = ctx.database();
  const certificate = db.select().from(trainingCertificates).where(eq(trainingCertificates.id, input.certificateId)).get();
  if (!certificate) throw new AppError('NOT_FOUND', `没有编号为 ${input.certificateId} 的证书`);
  refuseProblems(revocationProblems(certificate, input.revokedOn, ctx.today), CERTIFICATE_LABELS);
  updateVersioned(ctx, trainingCertificates, certificate, input.version, { revokedOn: input.revokedOn, revokeReason: input.reason }, '该证书已被他人更新，请刷新后重试');
  const row = requireEnrolment(ctx, certificate.enrolmentId);
  ctx.audit({ action: 'training.revokeCertificate', entityType: 'person', entityId: row.personId, detail: { certificateNumber: certificate.certificateNumber, revokedOn: input.revokedOn, reason: input.reason } });
  return enrolmentViews(ctx, [row])[0]!;
}

export function forPerson(ctx: ServiceContext, input: ParsedInputOf<'training.forPerson'>): TrainingEnrolmentView[] {
  const rows = ctx.database().db.select().from(trainingEnrolments).where(eq(trainingEnrolments.personId, input.personId)).orderBy(desc(trainingEnrolments.enrolledOn), desc(trainingEnrolments.id)).limit(100).all();
  return enrolmentViews(ctx, rows);
}

/** The profile's 培训 section: each class with where the trainee stands and the certificate. */
export function trainingTimelineEvents(ctx: ServiceContext, personId: number): TimelineSection['events'] {
  const rows = ctx.database().db.select().from(trainingEnrolments).where(eq(trainingEnrolments.personId, personId)).orderBy(desc(trainingEnrolments.enrolledOn)).limit(50).all();
  const kinds = new Map(
    ctx.database().db.select({ id: trainingClasses.id, kind: trainingProgrammes.kind }).from(trainingClasses).innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingClasses.programmeId))
      .where(inArray(trainingClasses.id, rows.length ? rows.map((r) => r.classId) : [0])).all().map((c) => [c.id, c.kind]),
  );
  const updatedAt = new Map(rows.map((r) => [r.id, r.updatedAt]));
  // 培训补贴 paid for the trainee in an approved claim of the provider (training-claims.ts).
  const claims = new Map(ctx.database().db.select({ enrolmentId: trainingClaimTrainees.enrolmentId, receiptNo: cases.receiptNo, amountFen: trainingClaimTrainees.amountFen })
    .from(trainingClaimTrainees).innerJoin(cases, eq(cases.id, trainingClaimTrainees.caseId))
    .where(inArray(trainingClaimTrainees.enrolmentId, rows.length ? rows.map((r) => r.id) : [0])).all().map((c) => [c.enrolmentId, c]));
  return enrolmentViews(ctx, rows).map((v) => ({
    at: updatedAt.get(v.id)!,
    title: `${trainingLabel(TRAINING_KINDS, kinds.get(v.classId) ?? null)}：${v.programmeName}（期次${v.classNumber}，${v.statusLabel}）`,
    detail: [
      `报名 ${v.enrolledOn}`, v.completedOn ? `结业 ${v.completedOn}` : null, v.assessmentResult ? `考核${v.assessmentLabel}` : null,
      v.certificate ? `证书 ${v.certificate.certificateNumber}（${v.certificate.levelLabel}）${v.certificate.revokedOn ? `已于${v.certificate.revokedOn}撤销` : ''}` : null,
      claims.has(v.id) ? `培训机构已申领培训补贴 ${formatYuan(claims.get(v.id)!.amountFen)}元（${claims.get(v.id)!.receiptNo ?? ''}）` : null,
    ].filter(Boolean).join(' · '),
    actor: null,
  }));
}
