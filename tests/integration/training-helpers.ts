import type { TrainingClassDetail, TrainingClassView, TrainingEnrolmentView, TrainingProgrammeView, TrainingProviderView, TrainingSessionView } from '../../shared/contract';
import { expectOk, type ReadyDesk } from './helpers';
import { idNumber, register, rows } from './registry-helpers';

type Call = ReadyDesk['call'];

export const PROVIDER_CODE = '914403001922038216';
export const PROVIDER_CODE_2 = '91320100MA1XY8129Y';

export function provider(call: Call, input: Record<string, unknown> = {}): TrainingProviderView {
  return expectOk<TrainingProviderView>(call('training.createProvider', { name: '吴中区职业培训学校', creditCode: PROVIDER_CODE, contactName: '钱校长', contactPhone: '13913912345', ...input }));
}

export function programme(call: Call, providerId: number, input: Record<string, unknown> = {}): TrainingProgrammeView {
  return expectOk<TrainingProgrammeView>(
    call('training.createProgramme', {
      providerId, name: '叉车司机', occupationCode: '6-29-03-05', skill: '叉车驾驶', level: 'level5', kind: 'employment_skills', eligibility: 'working_age',
      hours: 80, subsidyPerPersonFen: 120_000, validFrom: '2025-01-01', validTo: '2026-12-31', ...input,
    }),
  );
}

export function trainingClass(call: Call, programmeId: number, classNumber: string, startDate: string, endDate: string, input: Record<string, unknown> = {}): TrainingClassView {
  return expectOk<TrainingClassView>(call('training.createClass', { programmeId, classNumber, startDate, endDate, place: '木渎镇实训基地', teacher: '周建国', capacity: 30, ...input }));
}

export function enrol(call: Call, classId: number, personId: number, enrolledOn: string, employerEnterpriseId?: number): TrainingEnrolmentView {
  return expectOk<TrainingEnrolmentView>(call('training.enrol', { classId, personId, enrolledOn, ...(employerEnterpriseId ? { employerEnterpriseId } : {}) }));
}

/** A person of the registry born on `birthDate` (sequence makes the ID number unique). */
export function trainee(ready: ReadyDesk, name: string, birthDate: string, sequence: string): number {
  return register(ready, { idNumber: idNumber('320506', birthDate, sequence), name }).id;
}

/**
 * Runs a class to its 结业: two 8-hour sessions on its first and last day, every
 * trainee present at both except `absentOnce` (present once: 50%, not completed).
 */
export function runClass(call: Call, cls: TrainingClassView, enrolments: TrainingEnrolmentView[], absentOnce: number[] = [], completedOn = cls.endDate): TrainingClassDetail {
  const days = cls.startDate === cls.endDate ? [cls.startDate] : [cls.startDate, cls.endDate];
  days.forEach((sessionDate, i) => {
    const session = expectOk<TrainingSessionView>(call('training.addSession', { classId: cls.id, sessionDate, hours: 8, topic: i === 0 ? '理论' : '实操' }));
    expectOk(call('training.recordAttendance', { sessionId: session.id, marks: enrolments.map((e) => ({ enrolmentId: e.id, present: !(i === 1 && absentOnce.includes(e.id)) })) }));
  });
  const detail = expectOk<TrainingClassDetail>(call('training.classDetail', { classId: cls.id }));
  return expectOk<TrainingClassDetail>(call('training.completeClass', { classId: cls.id, version: detail.trainingClass.version, completedOn }));
}

export function assess(call: Call, enrolment: TrainingEnrolmentView, result: 'passed' | 'failed', assessedOn: string): TrainingEnrolmentView {
  return expectOk<TrainingEnrolmentView>(call('training.recordAssessment', { enrolmentId: enrolment.id, version: enrolment.version, result, assessedOn }));
}

export function enrolmentOf(detail: TrainingClassDetail, personId: number): TrainingEnrolmentView {
  const found = detail.enrolments.find((e) => e.personId === personId);
  if (!found) throw new Error(`person ${personId} is not in class ${detail.trainingClass.classNumber}`);
  return found;
}

/** What a refused training call must leave untouched. */
export function trainingWrites(ready: ReadyDesk): string {
  return ['training_providers', 'training_programmes', 'training_classes', 'training_sessions', 'training_enrolments', 'training_attendance', 'training_certificates', 'audit_log', 'exchange_changes']
    .map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`)
    .join(' ');
}
