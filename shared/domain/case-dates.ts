import { addYears, isIsoDate } from './calendar';
import { MIN_WORKING_AGE } from './retirement';

/**
 * A case's dates checked against the case's day and the applicant's life,
 * not only their format: 失业日期 2031-01-01 is a well-formed date that no
 * 失业登记 accepted in 2026 can carry. Each date field of a case type says
 * which kind of date it is (FormField.dateRule); the router and the form
 * both call formDateProblems, so they refuse the same things.
 */

export interface DateRule {
  /**
   * 'past': something that has happened by the case's day (失业日期, 就业日期);
   * 'planned': it may lie ahead (合同终止日期, 有效期止), though not past PLANNED_HORIZON_YEARS.
   */
  tense: 'past' | 'planned';
  /** A fact of working life: not before the applicant's 16th birthday (劳动年龄). */
  workFact?: boolean;
  /** Not before this other date field of the same form (合同终止日期 after 就业日期). */
  notBefore?: string;
}

/** A planned date further ahead than this is a typing slip (2062 for 2026). */
export const PLANNED_HORIZON_YEARS = 10;

export interface CaseDateContext {
  /** The day the case was accepted, or today while it is a draft. */
  caseDay: string;
  /** Whether caseDay is the acceptance day (受理日) or only today (今天), for the message. */
  accepted: boolean;
  /** The applicant's birth date; null for an enterprise. */
  birthDate: string | null;
}

interface DateField { code: string; label: string; kind: string; dateRule?: DateRule }

/** Every date in the form that cannot be right, each message naming the field and the rule. */
export function formDateProblems(fields: readonly DateField[], form: Readonly<Record<string, string | null | undefined>>, context: CaseDateContext): string[] {
  return dateFieldProblems(fields, form, context).map((p) => p.message);
}

/** The same, each with the code of the field it is about, so a form can mark the field. */
export function dateFieldProblems(
  fields: readonly DateField[], form: Readonly<Record<string, string | null | undefined>>, context: CaseDateContext,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  const dayName = context.accepted ? `受理日（${context.caseDay}）` : `今天（${context.caseDay}）`;
  for (const field of fields) {
    const value = form[field.code];
    if (field.kind !== 'date' || !field.dateRule || !value || !isIsoDate(value)) continue;
    const rule = field.dateRule;
    const named = `${field.label}（${value}）`;
    if (rule.tense === 'past' && value > context.caseDay) push(field.code, `${named}不能晚于${dayName}`);
    if (rule.tense === 'planned' && value > addYears(context.caseDay, PLANNED_HORIZON_YEARS)) {
      push(field.code, `${named}比${dayName}晚${PLANNED_HORIZON_YEARS}年以上，请核对`);
    }
    if (context.birthDate !== null) {
      const workingAge = addYears(context.birthDate, MIN_WORKING_AGE);
      if (value < context.birthDate) push(field.code, `${named}早于本人出生日期（${context.birthDate}）`);
      else if (rule.workFact && value < workingAge) push(field.code, `${named}早于本人年满${MIN_WORKING_AGE}周岁之日（${workingAge}），不在劳动年龄内`);
    }
    const earlier = rule.notBefore ? fields.find((f) => f.code === rule.notBefore) : undefined;
    const earlierValue = earlier ? form[earlier.code] : null;
    if (earlier && earlierValue && isIsoDate(earlierValue) && value < earlierValue) push(field.code, `${named}不能早于${earlier.label}（${earlierValue}）`);
  }
  return problems;
}
