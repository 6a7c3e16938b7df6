import { z } from 'zod';
import {
  ASSESSMENT_RESULTS, RATE_GROUPINGS, RATE_MEMBERS, SKILL_LEVELS, TRAINING_ELIGIBILITY, TRAINING_KINDS, TRAINING_RATES,
  type AssessmentResult, type ClassStatus, type EnrolmentStatus, type EvidenceSource, type RateGrouping, type RateMember, type RateOutcome,
  type SkillLevel, type TrainingEligibility, type TrainingKind, type TrainingRate,
} from '../domain/training';
import { method } from './define';
import { occupationCode } from './enterprise-fields';
import { codesOf, entityId, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface TrainingProviderView {
  id: number;
  name: string;
  creditCode: string;
  address: string | null;
  contactName: string | null;
  /** Masked: the institution's contact is a person. */
  contactPhoneMasked: string | null;
  status: 'active' | 'suspended';
  programmes: number;
  version: number;
}

export interface TrainingProgrammeView {
  id: number;
  providerId: number;
  providerName: string;
  name: string;
  occupationCode: string;
  skill: string;
  level: SkillLevel;
  levelLabel: string;
  kind: TrainingKind;
  kindLabel: string;
  eligibility: TrainingEligibility;
  eligibilityLabel: string;
  hours: number;
  subsidyPerPersonFen: number;
  validFrom: string;
  validTo: string;
  version: number;
}

export interface TrainingClassView {
  id: number;
  programmeId: number;
  programmeName: string;
  providerName: string;
  kind: TrainingKind;
  kindLabel: string;
  classNumber: string;
  startDate: string;
  endDate: string;
  place: string;
  teacher: string;
  capacity: number;
  enrolled: number;
  status: ClassStatus;
  statusLabel: string;
  version: number;
}

export interface TrainingCertificateView {
  id: number;
  certificateNumber: string;
  level: SkillLevel;
  levelLabel: string;
  issuedOn: string;
  revokedOn: string | null;
  revokeReason: string | null;
  version: number;
}

export interface TrainingEnrolmentView {
  id: number;
  classId: number;
  classNumber: string;
  programmeName: string;
  personId: number;
  personName: string;
  idNumberMasked: string;
  employerName: string | null;
  enrolledOn: string;
  status: EnrolmentStatus;
  statusLabel: string;
  completedOn: string | null;
  attendedHours: number;
  assessmentResult: AssessmentResult | null;
  assessmentLabel: string;
  assessedOn: string | null;
  certificate: TrainingCertificateView | null;
  version: number;
}

export interface TrainingSessionView {
  id: number;
  sessionDate: string;
  hours: number;
  topic: string | null;
  /** Enrolment ids marked present. */
  present: number[];
  /** Enrolment ids marked absent. */
  absent: number[];
}

export interface TrainingClassDetail {
  trainingClass: TrainingClassView;
  programme: TrainingProgrammeView;
  sessions: TrainingSessionView[];
  enrolments: TrainingEnrolmentView[];
}

export interface TrainingRateFigureView {
  numerator: number;
  denominator: number;
  pending: number;
  percent: number | null;
}

export interface TrainingRateRow {
  grouping: RateGrouping;
  groupId: number;
  /** The programme's, provider's or class's name; 全部期次 for the whole period. */
  name: string;
  figures: Record<TrainingRate, TrainingRateFigureView | null>;
}

export interface TrainingRatesReport {
  from: string;
  to: string;
  asOf: string;
  rows: TrainingRateRow[];
}

export interface TrainingRateListItem {
  personId: number;
  personName: string;
  idNumberMasked: string;
  classNumber: string;
  classEnd: string;
  outcome: RateOutcome;
  outcomeLabel: string;
  /** What decided it: e.g. 就业登记 2026-05-01; empty while pending. */
  evidence: string;
  evidenceSource: EvidenceSource | null;
  windowEnd: string | null;
}

export interface TrainingRateList {
  title: string;
  items: TrainingRateListItem[];
  total: number;
}

/** One qualified trainee of a 培训补贴 claim: paid at the 补贴标准, or 0 with why not (already claimed). */
export interface TrainingClaimLineView {
  enrolmentId: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  certificateNumber: string | null;
  amountFen: number;
  refusal: string | null;
}

/** 培训补贴测算: what a claim for the class would be today, and the claims already made for it. */
export interface TrainingClaimPreview {
  classNumber: string;
  subsidyPerPersonFen: number;
  providerName: string;
  providerCreditCode: string;
  /** The registry's enterprise with the provider's credit code: the claim's applicant; null when not in the registry. */
  claimantEnterpriseId: number | null;
  /** Why nothing can be claimed now, or null. */
  problem: string | null;
  lines: TrainingClaimLineView[];
  totalFen: number;
  paidCount: number;
  claims: { caseId: number; receiptNo: string | null; state: string }[];
}

const period = z.strictObject({ from: isoDate, to: isoDate });

export const trainingContract = {
  'training.listProviders': method<TrainingProviderView[]>()({
    input: z.strictObject({}),
    access: 'training.read',
    writes: false,
    title: '培训机构列表',
  }),
  'training.createProvider': method<TrainingProviderView>()({
    input: z.strictObject({
      name: text(100),
      creditCode: z.string().trim().max(30, '不能超过30个字符'),
      address: text(200, false).nullish(),
      contactName: text(50, false).nullish(),
      contactPhone: z.string().trim().max(20, '不能超过20个字符').nullish(),
    }),
    access: 'training.manage',
    writes: true,
    title: '登记培训机构',
    labels: { name: '机构名称', creditCode: '统一社会信用代码', address: '地址', contactName: '联系人', contactPhone: '联系电话' },
  }),
  'training.listProgrammes': method<TrainingProgrammeView[]>()({
    input: z.strictObject({ providerId: entityId.optional() }),
    access: 'training.read',
    writes: false,
    title: '培训项目目录',
  }),
  'training.createProgramme': method<TrainingProgrammeView>()({
    input: z.strictObject({
      providerId: entityId,
      name: text(100),
      occupationCode,
      skill: text(60),
      level: z.enum(codesOf(SKILL_LEVELS), '请选择等级'),
      kind: z.enum(codesOf(TRAINING_KINDS), '请选择培训类别'),
      eligibility: z.enum(codesOf(TRAINING_ELIGIBILITY), '请选择培训对象'),
      hours: z.number().int('应为整数').min(1, '课时应至少1学时').max(2000, '课时过多'),
      subsidyPerPersonFen: z.number().int('应为整数（分）').min(0, '不能为负数').max(10_000_000, '金额过大'),
      validFrom: isoDate,
      validTo: isoDate,
    }),
    access: 'training.manage',
    writes: true,
    title: '新增培训项目（目录）',
    labels: {
      providerId: '培训机构', name: '项目名称', occupationCode: '职业（工种）代码', skill: '技能', level: '等级', kind: '培训类别', eligibility: '培训对象',
      hours: '课时', subsidyPerPersonFen: '补贴标准（每人）', validFrom: '有效期起', validTo: '有效期止',
    },
  }),
  'training.listClasses': method<TrainingClassView[]>()({
    input: z.strictObject({ programmeId: entityId.optional() }),
    access: 'training.read',
    writes: false,
    title: '培训期次列表',
  }),
  'training.createClass': method<TrainingClassView>()({
    input: z.strictObject({
      programmeId: entityId,
      classNumber: text(40),
      startDate: isoDate,
      endDate: isoDate,
      place: text(100),
      teacher: text(50),
      capacity: z.number().int('应为整数').min(1, '人数应至少1人').max(500, '一期最多500人'),
    }),
    access: 'training.manage',
    writes: true,
    title: '开设培训期次',
    labels: { programmeId: '培训项目', classNumber: '期次编号', startDate: '开始日期', endDate: '结束日期', place: '培训地点', teacher: '授课教师', capacity: '计划人数' },
  }),
  'training.classDetail': method<TrainingClassDetail>()({
    input: z.strictObject({ classId: entityId }),
    access: 'training.read',
    writes: false,
    title: '查看培训期次（学员、课次、考勤、证书）',
  }),
  'training.claimPreview': method<TrainingClaimPreview>()({
    input: z.strictObject({ classId: entityId }),
    access: 'training.read',
    writes: false,
    title: '培训补贴测算（合格学员 × 补贴标准，已申领的除外）',
  }),
  'training.enrol': method<TrainingEnrolmentView>()({
    input: z.strictObject({ classId: entityId, personId: entityId, enrolledOn: isoDate, employerEnterpriseId: entityId.nullish() }),
    access: 'training.manage',
    writes: true,
    title: '培训报名（从人员档案）',
    labels: { classId: '培训期次', personId: '学员', enrolledOn: '报名日期', employerEnterpriseId: '所在单位' },
  }),
  'training.withdraw': method<TrainingEnrolmentView>()({
    input: z.strictObject({ enrolmentId: entityId, version: rowVersion, reason: text(200) }),
    access: 'training.manage',
    writes: true,
    title: '学员退学',
    labels: { reason: '退学原因' },
  }),
  'training.addSession': method<TrainingSessionView>()({
    input: z.strictObject({ classId: entityId, sessionDate: isoDate, hours: z.number().int('应为整数').min(1, '至少1学时').max(12, '一天最多12学时'), topic: text(100, false).nullish() }),
    access: 'training.manage',
    writes: true,
    title: '记录课次',
    labels: { sessionDate: '上课日期', hours: '学时', topic: '课程内容' },
  }),
  'training.recordAttendance': method<TrainingSessionView>()({
    input: z.strictObject({
      sessionId: entityId,
      marks: z.array(z.strictObject({ enrolmentId: entityId, present: z.boolean() })).min(1, '请至少记录一名学员的考勤').max(500),
    }),
    access: 'training.manage',
    writes: true,
    title: '记录考勤',
    labels: { marks: '考勤' },
  }),
  'training.completeClass': method<TrainingClassDetail>()({
    input: z.strictObject({ classId: entityId, version: rowVersion, completedOn: isoDate }),
    access: 'training.manage',
    writes: true,
    title: '期次结业（按出勤率判定每名学员是否结业）',
    labels: { completedOn: '结业日期' },
  }),
  'training.recordAssessment': method<TrainingEnrolmentView>()({
    input: z.strictObject({ enrolmentId: entityId, version: rowVersion, result: z.enum(codesOf(ASSESSMENT_RESULTS), '请选择考核结果'), assessedOn: isoDate }),
    access: 'training.manage',
    writes: true,
    title: '记录考核结果',
    labels: { result: '考核结果', assessedOn: '考核日期' },
  }),
  'training.issueCertificate': method<TrainingEnrolmentView>()({
    input: z.strictObject({
      enrolmentId: entityId,
      certificateNumber: z.string().trim().max(30, '不能超过30个字符'),
      level: z.enum(codesOf(SKILL_LEVELS), '请选择证书等级').optional(),
      issuedOn: isoDate,
    }),
    access: 'training.manage',
    writes: true,
    title: '登记职业技能等级证书',
    labels: { certificateNumber: '证书编号', level: '证书等级', issuedOn: '发证日期' },
  }),
  'training.revokeCertificate': method<TrainingEnrolmentView>()({
    input: z.strictObject({ certificateId: entityId, version: rowVersion, revokedOn: isoDate, reason: text(200) }),
    access: 'training.manage',
    writes: true,
    title: '撤销职业技能等级证书',
    labels: { revokedOn: '撤销日期', reason: '撤销原因' },
  }),
  'training.forPerson': method<TrainingEnrolmentView[]>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看某人的培训记录',
  }),
  'training.rates': method<TrainingRatesReport>()({
    input: period.extend({ asOf: isoDate.optional() }),
    access: 'training.read',
    writes: false,
    title: '培训成效：就业培训上岗率、创业培训合格率、职工培训稳岗率（按项目、机构、期次）',
    labels: { from: '期次结束日期起', to: '期次结束日期止', asOf: '统计日' },
  }),
  'training.rateList': method<TrainingRateList>()({
    input: period.extend({
      asOf: isoDate.optional(),
      rate: z.enum(codesOf(TRAINING_RATES), '请选择指标'),
      grouping: z.enum(RATE_GROUPINGS),
      groupId: z.number().int().min(0),
      member: z.enum(codesOf(RATE_MEMBERS)),
    }),
    access: 'training.read',
    writes: false,
    title: '培训成效指标的人员名单',
  }),
};

export type { RateMember, TrainingRate };
