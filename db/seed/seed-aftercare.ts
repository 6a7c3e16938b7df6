/**
 * What follows an approved 失业登记 in the seed, as timeline steps through the
 * router: the follow-up contact owed within 5 working days (most on time, some
 * late, a few never), contacts every month or three while the person is still
 * registered, 注销 for the usual reasons, and — for people nobody reached for
 * six months — the reviewer confirming the proposed 注销 (no_contact_6_months).
 * Each step looks at the registration when it runs: one already ended (by a
 * 就业登记 or an earlier 注销) is left alone.
 */
import type Database from 'better-sqlite3';
import { addMonths } from '../../shared/domain/calendar';
import { noContactCutoff } from '../../shared/domain/person-contacts';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

export interface Registered {
  personId: number;
  approvedOn: string;
}

const COUNSELOR = 'zhidao';
const FRONT_DESK = ['qiantai', 'qiantai2'];
const REVIEWER = 'shenhe';
const OWN_REASONS = ['stopped_seeking', 'school_military_emigration', 'stable_income', 'pension'];
const TALKS = ['电话回访：仍在求职，已推送岗位信息', '电话回访：近期参加招聘会面试', '来访：更新求职意向', '电话回访：有意参加技能培训'];

export function planAftercare(driver: SeedDriver, sqlite: Database.Database, registered: readonly Registered[], o: { random: () => number; asOf: string }): Step[] {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const inForce = sqlite.prepare(
    "select id, version from cases where person_id = ? and case_type = 'unemployment_registration' and state = 'approved' and ended_on is null",
  );
  const lastSession = sqlite.prepare('select max(session_date) as "on" from guidance_sessions where person_id = ?');
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };
  const contact = (personId: number, day: string, kind: 'follow_up' | 'counseling', content: string) =>
    at(day, 9 * 60 + Math.floor(r() * 420), () => {
      if (!inForce.get(personId)) return;
      driver.call(COUNSELOR, 'contacts.record', { personId, contactDate: day, kind, channel: r() < 0.7 ? 'phone' : 'visit', content, outcome: null });
    });

  for (const { personId, approvedOn } of registered) {
    const reached = r();
    // The follow-up owed within 5 working days: 80% on time, 10% late, 10% never.
    let last = approvedOn;
    if (reached < 0.9) {
      last = weekdayOnOrBefore(addDays(approvedOn, reached < 0.8 ? 1 + Math.floor(r() * 6) : 9 + Math.floor(r() * 12)));
      if (last < approvedOn) last = approvedOn;
      contact(personId, last, 'follow_up', '跟踪联系：了解求职需求，告知失业登记后可享受的服务');
    }
    // Three in four stay in touch; the rest drift away and come up for the six-month 注销.
    const keepsInTouch = r() < 0.75;
    for (let day = addDays(last, 40 + Math.floor(r() * 60)); keepsInTouch && day <= o.asOf; day = addDays(day, 45 + Math.floor(r() * 60))) {
      last = weekdayOnOrBefore(day);
      contact(personId, last, r() < 0.3 ? 'counseling' : 'follow_up', pick(TALKS));
    }
    if (keepsInTouch && r() < 0.12) {
      const day = weekdayOnOrBefore(addDays(approvedOn, 60 + Math.floor(r() * 300)));
      at(day, 16 * 60, () => {
        const row = inForce.get(personId) as { id: number; version: number } | undefined;
        if (row) driver.call(pick(FRONT_DESK), 'registrations.cancel', { caseId: row.id, version: row.version, reason: pick(OWN_REASONS), onDate: day, note: null });
      });
    } else if (!keepsInTouch && r() < 0.6) {
      const day = weekdayOnOrBefore(addDays(addMonths(last, 6), 3 + Math.floor(r() * 20)));
      at(day, 15 * 60, () => {
        const row = inForce.get(personId) as { id: number; version: number } | undefined;
        // A counselor's session since then is contact too: the reviewer confirms only a proposal the desk still makes.
        const inTouch = (lastSession.get(personId) as { on: string | null }).on;
        if (row && (inTouch === null || inTouch <= noContactCutoff(day))) driver.call(REVIEWER, 'registrations.cancel', { caseId: row.id, version: row.version, reason: 'no_contact_6_months', onDate: day, note: null });
      });
    }
  }
  return steps;
}
