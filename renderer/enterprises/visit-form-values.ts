import type { InputOf } from '../../shared/contract';
import { toFen } from './options';

/** What enterprises.recordVisit takes; the form's values are shaped to it and turned into it by toRecordVisitInput. */
export type RecordVisitInput = InputOf<'enterprises.recordVisit'>;
type PolicyLine = NonNullable<RecordVisitInput['policies']>[number];
type HiringPlanLine = NonNullable<RecordVisitInput['hiringPlan']>[number];
export type PolicyCode = PolicyLine['code'];
export type PolicyInterest = PolicyLine['interest'];

/** One line of the hiring plan as typed: numbers may still be '' and pay is in yuan. */
export interface PlanLineValues {
  occupationCode: string; title: string; quarter: string; openings: number | string;
  salaryMinYuan: number | string; salaryMaxYuan: number | string; educationCode: HiringPlanLine['educationCode']; publish: boolean;
}

export interface TaskLineValues { description: string; ownerUserId: string | null; dueDate: string }

/**
 * The visit form: the contract's fields under the contract's names, with what
 * an input holds (text, '' for an empty number, yuan, ids as strings) and the
 * survey's fields flat beside a switch.
 */
export interface VisitValues {
  visitDate: string; mode: RecordVisitInput['mode']; staffUserIds: string[]; contactName: string; headcount: number | string;
  difficulties: string[]; policies: PolicyCode[]; interest: Partial<Record<PolicyCode, PolicyInterest>>; requests: string; notes: string;
  hiringPlan: PlanLineValues[]; tasks: TaskLineValues[];
  isSurvey: boolean; quarter: string; headcountPrevious: number | string; headcountChangeReason: string; shortageCount: number | string;
  startingPayYuan: number | string; expectedHires: number | string;
}

/** Interest in a policy until staff say otherwise. */
export const DEFAULT_INTEREST: PolicyInterest = 'interested';

const num = (v: number | string) => (v === '' ? null : Number(v));
const textOrNull = (v: string) => v.trim() || null;

/** A new visit today, by the person recording it, for this quarter. */
export function emptyVisit(today: string, quarter: string, userId: number | undefined): VisitValues {
  return {
    visitDate: today, mode: 'on_site', staffUserIds: userId ? [String(userId)] : [], contactName: '', headcount: '', difficulties: [], policies: [], interest: {},
    requests: '', notes: '', hiringPlan: [], tasks: [], isSurvey: false, quarter, headcountPrevious: '', headcountChangeReason: '', shortageCount: '', startingPayYuan: '', expectedHires: '',
  };
}

export const emptyPlanLine = (quarter: string): PlanLineValues => ({
  occupationCode: '', title: '', quarter, openings: 1, salaryMinYuan: '', salaryMaxYuan: '', educationCode: null, publish: true,
});

export const emptyTask = (userId: number | undefined): TaskLineValues => ({ description: '', ownerUserId: userId ? String(userId) : null, dueDate: '' });

/** The form's values as the contract takes them: trimmed text, numbers or null, yuan to fen, the survey only when it is one. */
export function toRecordVisitInput(v: VisitValues, enterpriseId: number): RecordVisitInput {
  return {
    enterpriseId, kind: v.isSurvey ? 'survey' : 'visit', visitDate: v.visitDate.trim(), mode: v.mode, staffUserIds: v.staffUserIds.map(Number),
    contactName: textOrNull(v.contactName), headcount: num(v.headcount), difficulties: v.difficulties.map((code) => ({ code })),
    policies: v.policies.map((code) => ({ code, interest: v.interest[code] ?? DEFAULT_INTEREST })),
    requests: textOrNull(v.requests), notes: textOrNull(v.notes),
    hiringPlan: v.hiringPlan.map((l) => ({
      occupationCode: l.occupationCode.trim(), title: l.title.trim(), quarter: l.quarter, openings: Number(l.openings),
      salaryMinFen: toFen(l.salaryMinYuan), salaryMaxFen: toFen(l.salaryMaxYuan), educationCode: l.educationCode, publish: l.publish,
    })),
    tasks: v.tasks.map((t) => ({ description: t.description.trim(), ownerUserId: Number(t.ownerUserId), dueDate: t.dueDate.trim() })),
    ...(v.isSurvey
      ? {
        survey: {
          quarter: v.quarter, headcountPrevious: num(v.headcountPrevious), headcountChangeReason: textOrNull(v.headcountChangeReason),
          shortageCount: num(v.shortageCount), startingPayFen: toFen(v.startingPayYuan), expectedHires: num(v.expectedHires),
        },
      }
      : {}),
  };
}
