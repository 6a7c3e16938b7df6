import { z } from 'zod';
import { BORROWER_KIND_CODES, BUSINESS_KIND_CODES, GUARANTEE_KIND_CODES, type BorrowerKind, type BusinessKind, type GuaranteeKind } from '../domain/startups';
import { method } from './define';
import { entityId, text } from './fields';
import { isoDate } from './person-fields';

export interface StartupLoanView {
  id: number;
  businessStartId: number;
  borrower: BorrowerKind;
  borrowerLabel: string;
  amountFen: number;
  bank: string;
  termMonths: number;
  guaranteeKind: GuaranteeKind;
  guaranteeLabel: string;
  appliedOn: string;
  grantedOn: string | null;
  /** 到期日: the end of the term, once the loan is granted. */
  lastDay: string | null;
  interestPeriods: { periodFrom: string; periodTo: string; amountFen: number }[];
  interestTotalFen: number;
  version: number;
}

export interface IncubatorPlaceView {
  id: number;
  incubator: string;
  place: string;
  fromOn: string;
  toOn: string | null;
}

/** One person counted in 带动就业人数: an approved 就业登记 at the business's enterprise. */
export interface StartupJobView {
  caseId: number;
  personName: string;
  idNumberMasked: string;
  startDate: string | null;
}

export interface BusinessStartView {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string | null;
  startedOn: string;
  kind: BusinessKind;
  kindLabel: string;
  subsidyCaseId: number | null;
  /** The linked 一次性创业补贴 application's receipt number and state, in words. */
  subsidyCaseText: string | null;
  note: string | null;
  /** 带动就业人数: people other than the founder with an approved, uncancelled 就业登记 at the enterprise since the start. */
  jobsCreated: number;
  loans: number;
  version: number;
}

/** A guidance session of the founder on 创业指导 (the mentor's session record is guidance's). */
export interface StartupMentoringView {
  sessionId: number;
  sessionDate: string;
  modeLabel: string;
  counselorName: string | null;
  durationMinutes: number;
}

export interface BusinessStartDetail extends BusinessStartView {
  /** The founder's guidance sessions whose topics include 创业指导, newest first. */
  mentoring: StartupMentoringView[];
  loanList: StartupLoanView[];
  incubation: IncubatorPlaceView[];
  jobs: StartupJobView[];
  /** Why the jobs cannot be counted (an enterprise without a credit code), or null. */
  jobsPending: string | null;
}

const fen = z.number().int('应为整数（分）');
const interestPeriod = z.strictObject({ periodFrom: isoDate, periodTo: isoDate, amountFen: fen });

export const startupsContract = {
  'startups.list': method<BusinessStartView[]>()({
    input: z.strictObject({ query: text(50, false).optional() }),
    access: 'startups.read',
    writes: false,
    title: '创业登记列表',
  }),
  'startups.get': method<BusinessStartDetail>()({
    input: z.strictObject({ id: entityId }),
    access: 'startups.read',
    writes: false,
    title: '查看创业登记（贷款、孵化、带动就业）',
  }),
  'startups.recordStart': method<BusinessStartView>()({
    input: z.strictObject({
      personId: entityId,
      enterpriseId: entityId,
      startedOn: isoDate,
      kind: z.enum(BUSINESS_KIND_CODES, '请选择创业类型'),
      note: text(200, false).nullish(),
    }),
    access: 'startups.manage',
    writes: true,
    title: '登记创业（创业者与所创办的经营主体）',
    labels: { personId: '创业者', enterpriseId: '经营主体', startedOn: '创业日期', kind: '创业类型', note: '备注' },
  }),
  'startups.linkSubsidyCase': method<BusinessStartView>()({
    input: z.strictObject({ businessStartId: entityId, caseId: entityId }),
    access: 'startups.manage',
    writes: true,
    title: '关联一次性创业补贴申请',
    labels: { businessStartId: '创业登记', caseId: '补贴申请' },
  }),
  'startups.applyLoan': method<StartupLoanView>()({
    input: z.strictObject({
      businessStartId: entityId,
      borrower: z.enum(BORROWER_KIND_CODES, '请选择借款人类型'),
      amountFen: fen,
      bank: text(60),
      termMonths: z.number().int('贷款期限应为整数（月）'),
      guaranteeKind: z.enum(GUARANTEE_KIND_CODES, '请选择担保方式'),
      appliedOn: isoDate,
      grantedOn: isoDate.nullish(),
      interestPeriods: z.array(interestPeriod).max(20, '贴息期不能超过20个').default([]),
    }),
    access: 'startups.manage',
    writes: true,
    title: '登记创业担保贷款申请',
    labels: { borrower: '借款人', amountFen: '贷款金额', bank: '贷款银行', termMonths: '贷款期限', guaranteeKind: '担保方式', appliedOn: '申请日期', grantedOn: '放款日期', interestPeriods: '贴息期' },
  }),
  'startups.addIncubation': method<IncubatorPlaceView>()({
    input: z.strictObject({ businessStartId: entityId, incubator: text(100), place: text(60), fromOn: isoDate, toOn: isoDate.nullish() }),
    access: 'startups.manage',
    writes: true,
    title: '登记创业孵化（入驻孵化基地）',
    labels: { incubator: '孵化基地', place: '场地（工位）', fromOn: '入孵起日', toOn: '入孵止日' },
  }),
};
