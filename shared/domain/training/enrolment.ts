/**
 * A trainee's road through a class: enrolment (eligibility, age, overlapping
 * classes), attendance by session, completion, assessment and the
 * 职业技能等级证书. Pure; the services carry the decisions out.
 */
import { ageOn } from '../dates';
import { MIN_WORKING_AGE, statutoryRetirement, type FemaleRetirementCategory } from '../retirement';
import type { ClassStatus, EnrolmentStatus, Problems, TrainingEligibility } from './catalogue';

/** Attendance a trainee needs to complete a class: share of the class's session hours (出勤率). */
export const COMPLETION_ATTENDANCE_PERCENT = 80;

export interface EnrolmentPerson {
  birthDate: string;
  sex: 'male' | 'female';
  femaleRetirementCategory: FemaleRetirementCategory | null;
  employmentStatus: string;
  deathDate: string | null;
}

export interface EnrolmentClass {
  classNumber: string;
  startDate: string;
  endDate: string;
  status: ClassStatus;
  capacity: number;
  /** Trainees enrolled and not withdrawn. */
  enrolled: number;
  eligibility: TrainingEligibility;
}

/** Another class the person is in (enrolled or completed). */
export interface OtherClass {
  classNumber: string;
  startDate: string;
  endDate: string;
}

/**
 * Why the person may not enrol in the class on `enrolledOn`, per field, or
 * an empty record. Age is judged on the class's first day: a trainee is of
 * working age then (16 to the statutory retirement date), so a person born
 * yesterday is refused whatever the programme.
 */
export function enrolmentProblems(
  person: EnrolmentPerson,
  cls: EnrolmentClass,
  input: { enrolledOn: string; employerEnterpriseId: number | null },
  others: readonly OtherClass[],
  today: string,
): Problems {
  const problems: Problems = {};
  if (input.enrolledOn > today) problems.enrolledOn = `报名日期不能晚于今天（${today}）`;
  if (input.enrolledOn < person.birthDate) problems.enrolledOn = '报名日期不能早于出生日期';
  if (person.deathDate !== null) problems.personId = `该人员已于${person.deathDate}死亡，不能报名`;
  else if (ageOn(person.birthDate, cls.startDate) < MIN_WORKING_AGE) {
    problems.personId = `年龄不符：开班日（${cls.startDate}）未满${MIN_WORKING_AGE}周岁（出生日期${person.birthDate}），不能报名培训`;
  } else {
    const retirement = statutoryRetirement(person.birthDate, person.sex, person.femaleRetirementCategory ?? undefined);
    if (cls.startDate >= retirement.retirementDate) problems.personId = `年龄不符：开班日已达法定退休年龄（${retirement.label}，${retirement.retirementDate}），不能报名培训`;
  }
  if (cls.status !== 'planned') problems.classId = `期次${cls.classNumber}${cls.status === 'closed' ? '已结业' : '已取消'}，不能再报名`;
  else if (input.enrolledOn > cls.endDate) problems.enrolledOn = `报名日期不能晚于期次结束日期（${cls.endDate}）`;
  else if (cls.enrolled >= cls.capacity) problems.classId = `期次${cls.classNumber}已满员（${cls.capacity}人）`;
  if (!problems.personId) {
    if (cls.eligibility === 'registered_unemployed' && person.employmentStatus !== 'unemployed_registered') problems.personId = '该项目只招收登记失业人员，此人目前没有有效的失业登记';
    if (cls.eligibility === 'employee' && input.employerEnterpriseId === null) problems.employerEnterpriseId = '岗位技能提升培训须选择学员所在单位';
  }
  if (cls.eligibility !== 'employee' && input.employerEnterpriseId !== null) problems.employerEnterpriseId = '只有岗位技能提升培训需要填写所在单位';
  const overlapping = others.find((o) => o.startDate <= cls.endDate && cls.startDate <= o.endDate);
  if (overlapping && !problems.personId) {
    problems.personId = `该人员已在期次${overlapping.classNumber}（${overlapping.startDate}至${overlapping.endDate}）学习，与本期次（${cls.startDate}至${cls.endDate}）时间重叠，不能同时报名`;
  }
  return problems;
}

/** A session day lies within the class and not in the future. */
export function sessionDateProblem(sessionDate: string, cls: { startDate: string; endDate: string }, today: string): string | null {
  if (sessionDate < cls.startDate || sessionDate > cls.endDate) return `课次日期应在期次的起止日期内（${cls.startDate}至${cls.endDate}）`;
  if (sessionDate > today) return `课次日期不能晚于今天（${today}），考勤在上课当天或之后记录`;
  return null;
}

/** Completed when present for at least COMPLETION_ATTENDANCE_PERCENT of the class's session hours. */
export function completionOf(attendedHours: number, sessionHours: number): Extract<EnrolmentStatus, 'completed' | 'not_completed'> {
  if (sessionHours <= 0) return 'not_completed';
  return attendedHours * 100 >= sessionHours * COMPLETION_ATTENDANCE_PERCENT ? 'completed' : 'not_completed';
}

/** The class may be closed (结业) on `completedOn`: after its last day, not in the future, with sessions recorded. */
export function completionProblems(cls: { endDate: string; status: ClassStatus; sessions: number }, completedOn: string, today: string): Problems {
  if (cls.status !== 'planned') return { classId: cls.status === 'closed' ? '该期次已结业' : '该期次已取消' };
  if (cls.sessions === 0) return { classId: '该期次还没有记录任何课次和考勤，不能结业' };
  if (completedOn < cls.endDate) return { completedOn: `结业日期不能早于期次结束日期（${cls.endDate}）` };
  if (completedOn > today) return { completedOn: `结业日期不能晚于今天（${today}）` };
  return {};
}

export function assessmentProblems(enrolment: { status: EnrolmentStatus; completedOn: string | null; assessmentResult: string | null }, assessedOn: string, today: string): Problems {
  if (enrolment.status !== 'completed') return { enrolmentId: '只有已结业的学员才能记录考核结果' };
  if (enrolment.assessmentResult !== null) return { enrolmentId: '该学员已有考核结果，不能重复记录' };
  if (assessedOn < enrolment.completedOn!) return { assessedOn: `考核日期不能早于结业日期（${enrolment.completedOn}）` };
  if (assessedOn > today) return { assessedOn: `考核日期不能晚于今天（${today}）` };
  return {};
}

/** 职业技能等级证书编号: letters, digits and hyphens, 6 to 30 characters. */
export const CERTIFICATE_NUMBER = /^[A-Za-z0-9-]{6,30}$/;

export function certificateProblems(
  enrolment: { assessmentResult: string | null; assessedOn: string | null; hasCertificate: boolean },
  input: { certificateNumber: string; issuedOn: string },
  today: string,
): Problems {
  if (enrolment.assessmentResult !== 'passed') return { enrolmentId: '考核合格后才能发放证书' };
  if (enrolment.hasCertificate) return { enrolmentId: '该学员本期已有证书，不能重复发放' };
  if (!CERTIFICATE_NUMBER.test(input.certificateNumber)) return { certificateNumber: '证书编号应为6–30位字母、数字或连字符' };
  if (input.issuedOn < enrolment.assessedOn!) return { issuedOn: `发证日期不能早于考核日期（${enrolment.assessedOn}）` };
  if (input.issuedOn > today) return { issuedOn: `发证日期不能晚于今天（${today}）` };
  return {};
}

export function revocationProblems(certificate: { issuedOn: string; revokedOn: string | null }, revokedOn: string, today: string): Problems {
  if (certificate.revokedOn !== null) return { certificateId: `该证书已于${certificate.revokedOn}撤销` };
  if (revokedOn < certificate.issuedOn) return { revokedOn: `撤销日期不能早于发证日期（${certificate.issuedOn}）` };
  if (revokedOn > today) return { revokedOn: `撤销日期不能晚于今天（${today}）` };
  return {};
}
