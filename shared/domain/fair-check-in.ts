import { addDays } from './calendar';

/**
 * When the door of a 招聘会 is open for 入场登记. Check-in is stamped with the
 * moment it is made, so one made days after the fair would read as a visit on
 * a day the fair was not held: it is refused after the fair's last day, unless
 * the administrator allows some days of 补登记 (系统设置, at most 30) for the
 * paper lists that reach the desk late. The fair's days are office dates.
 */
export const FAIR_CHECK_IN_GRACE_MAX_DAYS = 30;

export function checkInRefusal(fair: { name: string; startDate: string; endDate: string | null }, today: string, graceDays: number): string | null {
  if (fair.startDate > today) return `招聘会定于${fair.startDate}举办，尚未开始，不能入场登记`;
  const lastDay = fair.endDate ?? fair.startDate;
  const deadline = addDays(lastDay, graceDays);
  if (today <= deadline) return null;
  const allowed = graceDays > 0 ? `，补登记截至${deadline}` : '';
  return `招聘会“${fair.name}”已于${lastDay}结束${allowed}，不能再入场登记；如确需补登记，请系统管理员在“系统设置”中设置招聘会结束后可补登记的天数`;
}
