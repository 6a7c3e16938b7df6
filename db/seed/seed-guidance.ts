/**
 * A year of 职业指导 in the seed, as timeline steps through the router (so the
 * rules schedule the follow-ups): counselor sessions with an assessment and a
 * plan, referrals on the same day — mostly to a vacancy open that day, some to
 * training or entrepreneurship services — answered days later (面试, 录用,
 * 未录用, 已参加 …), and a Friday afternoon each week when the counselor records
 * the follow-ups that fell due and closes plan items; about one follow-up in
 * five is missed, so the head's list of missed ones is not empty.
 */
import type Database from 'better-sqlite3';
import type { GuidanceFollowUpView, GuidanceReferralView, GuidanceSessionView } from '../../shared/contract';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

const COUNSELOR = 'zhidao';
/** Sessions per person of the registry over the year (150 in the demo county). */
export const GUIDANCE_SESSIONS_PER_PERSON = 0.03;

const TOPICS = ['career_assessment', 'job_search_skills', 'policy_advice', 'training_advice', 'entrepreneurship', 'counselling'];
const MODES = ['window', 'window', 'window', 'phone', 'home_visit', 'online'] as const;
const BARRIERS = ['care_duties', 'health', 'skills_gap', 'low_education', 'age', 'transport', 'expectations', 'motivation'];
const OCCUPATIONS = ['4-02-06', '6-18-01', '4-07-02', '4-10-01', '6-31-01', '4-03-02', '2-02-30'];
const PLACES = ['县城', '木渎镇', '长桥街道', '就近', '不限'];
const PLANS = ['修改简历并投递岗位', '参加本月招聘会', '报名技能培训', '了解创业担保贷款政策', '完成职业测评', '到企业面试'];
const TRAININGS = ['电工职业技能培训班', '养老护理员培训班', '电子商务运营培训班', '叉车司机培训班'];
/** 满意度: most rate 4 or 5; comments from what citizens say at the window. */
const RATINGS = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1];
const COMMENTS = ['讲得很细，很有帮助', '推荐的岗位离家近', '等候时间有点长', '希望多推荐几个岗位', '态度很好', null, null, null];
const FRONT_DESK = 'qiantai';
const NOTES = ['求职意向明确，希望在家附近就业', '有照料家庭负担，倾向短时工作', '技能单一，建议参加培训', '就业意愿较强，推荐岗位', '对薪资期望偏高，已沟通市场行情'];

interface Seeker { id: number; createdOn: string }

export function planGuidance(driver: SeedDriver, sqlite: Database.Database, o: { random: () => number; asOf: string; persons: number }): Step[] {
  const r = o.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const from = addDays(o.asOf, -365);
  const seekers = sqlite
    .prepare(
      `select id, substr(created_at, 1, 10) as createdOn from persons
       where merged_into_id is null and employment_status != 'retired' and birth_date between ? and ? order by id`,
    )
    .all(`${Number(o.asOf.slice(0, 4)) - 55}${o.asOf.slice(4)}`, `${Number(o.asOf.slice(0, 4)) - 18}${o.asOf.slice(4)}`) as Seeker[];
  const alive = sqlite.prepare('select 1 from persons p where p.id = ? and p.merged_into_id is null and not exists (select 1 from person_deaths d where d.person_id = p.id)');
  const openVacancies = sqlite.prepare("select id from vacancies where status = 'open' and valid_from <= ? and valid_to >= ? order by id limit 200");
  const openReferral = sqlite.prepare("select 1 from guidance_referrals where person_id = ? and vacancy_id = ? and state in ('referred', 'interview')");
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };

  const sessions = Math.round(o.persons * GUIDANCE_SESSIONS_PER_PERSON);
  for (let i = 0; i < sessions && seekers.length > 0; i += 1) {
    const person = pick(seekers);
    const day = weekdayOnOrBefore(addDays(from, 1 + Math.floor(r() * 364)));
    if (day < from || day <= person.createdOn) continue;
    const topics = [...new Set([pick(TOPICS), pick(TOPICS)])];
    const planItems = Array.from({ length: Math.floor(r() * 3) }, () => ({ description: pick(PLANS), owner: r() < 0.7 ? 'person' : 'counselor', dueOn: addDays(day, 5 + Math.floor(r() * 25)) }));
    const minOffset = 60_000 * Math.floor(r() * 360);
    const input = {
      personId: person.id, sessionDate: day, durationMinutes: 15 + 5 * Math.floor(r() * 10), mode: pick(MODES), topics, notes: pick(NOTES),
      assessment: {
        intendedOccupationCode: pick(OCCUPATIONS), preferredPlace: pick(PLACES), barriers: r() < 0.6 ? [pick(BARRIERS)] : [],
        expectedPayMinFen: 300_000 + 50_000 * Math.floor(r() * 6), expectedPayMaxFen: 600_000 + 50_000 * Math.floor(r() * 6),
      },
      planItems,
    };
    // What the referral will be and how it ends, drawn now so the plan does not depend on run order.
    const referralKind = r();
    const vacancyPick = r();
    const answer = r();
    const interviewAfter = 2 + Math.floor(r() * 5);
    const outcomeAfter = interviewAfter + 3 + Math.floor(r() * 10);
    const state: { referral?: GuidanceReferralView; sessionId?: number } = {};
    // Four in ten rate the session on the window's screen as they leave; two in ten later by phone.
    const rateRoll = r();
    const rating = { rating: pick(RATINGS), comment: pick(COMMENTS) };
    const rateLater = addDays(day, 3 + Math.floor(r() * 10));
    steps.push({
      at: officeInstant(day, 9 * 60) + minOffset,
      run: () => {
        if (!alive.get(person.id)) return;
        const recorded = driver.call<{ session: GuidanceSessionView; followUps: GuidanceFollowUpView[] }>(COUNSELOR, 'guidance.recordSession', input);
        if (recorded) state.sessionId = recorded.session.id;
        if (recorded && rateRoll < 0.4) driver.call(FRONT_DESK, 'satisfaction.rate', { serviceType: 'guidance_session', serviceId: recorded.session.id, ...rating, channel: 'window' });
        if (!recorded || referralKind >= 0.65) return;
        let referral: { personId: number; sessionId: number; referredOn: string; kind: string; vacancyId?: number; targetName?: string };
        const base = { personId: person.id, sessionId: recorded.session.id, referredOn: day };
        if (referralKind < 0.45) {
          const open = openVacancies.all(day, day) as { id: number }[];
          const vacancy = open[Math.floor(vacancyPick * open.length)];
          if (!vacancy || openReferral.get(person.id, vacancy.id)) return;
          referral = { ...base, kind: 'vacancy', vacancyId: vacancy.id };
        } else if (referralKind < 0.58) referral = { ...base, kind: 'training', targetName: TRAININGS[Math.floor(vacancyPick * TRAININGS.length)]! };
        else referral = { ...base, kind: 'entrepreneurship', targetName: '创业孵化基地入驻咨询' };
        state.referral = driver.call<{ referral: GuidanceReferralView }>(COUNSELOR, 'guidance.refer', referral)?.referral;
      },
    });
    const move = (onDay: string, to: (kind: string) => string | null, note: string | null) =>
      at(weekdayOnOrBefore(onDay) < day ? day : weekdayOnOrBefore(onDay), 14 * 60 + Math.floor(r() * 120), () => {
        const current = state.referral;
        const next = current ? to(current.kind) : null;
        if (!current || !next || !current.nextStates.some((s) => s.code === next)) return;
        const moved = driver.call<{ referral: GuidanceReferralView }>(COUNSELOR, 'guidance.recordReferralOutcome', { id: current.id, version: current.version, state: next, onDate: weekdayOnOrBefore(onDay) < day ? day : weekdayOnOrBefore(onDay), note });
        if (moved) state.referral = moved.referral;
      });
    if (rateRoll >= 0.4 && rateRoll < 0.6 && rateLater <= o.asOf) {
      at(weekdayOnOrBefore(rateLater) < day ? day : weekdayOnOrBefore(rateLater), 10 * 60, () => {
        if (state.sessionId) driver.call(COUNSELOR, 'satisfaction.rate', { serviceType: 'guidance_session', serviceId: state.sessionId, ...rating, channel: 'phone' });
      });
    }
    // Vacancies: most get an interview; a third of those end in 录用. Other referrals are taken up or not.
    if (answer < 0.8) move(addDays(day, interviewAfter), (kind) => (kind === 'vacancy' ? 'interview' : answer < 0.5 ? 'taken_up' : 'not_taken_up'), null);
    if (answer < 0.7) move(addDays(day, outcomeAfter), (kind) => (kind === 'vacancy' ? (answer < 0.3 ? 'hired' : 'not_hired') : null), answer < 0.3 ? '单位答复：已录用，下周上岗' : '单位答复：暂不录用');
  }

  // Friday afternoons: the follow-ups that fell due are recorded (four in five), plan items closed or dropped.
  const dueFollowUps = sqlite.prepare("select id, version, due_on as dueOn, scheduled_on as scheduledOn from guidance_follow_ups where status = 'due' and due_on <= ? order by id");
  const duePlans = sqlite.prepare("select id, version, due_on as dueOn from guidance_plan_items where status = 'open' and due_on <= ? order by id");
  const decided = new Set<string>();
  for (let friday = weekdayOnOrBefore(addDays(from, 7)); friday <= o.asOf; friday = addDays(friday, 7)) {
    const today = weekdayOnOrBefore(friday);
    at(today, 16 * 60 + 30, () => {
      for (const f of dueFollowUps.all(today) as { id: number; version: number; dueOn: string; scheduledOn: string }[]) {
        if (decided.has(`f${f.id}`)) continue;
        decided.add(`f${f.id}`);
        if (r() < 0.2) continue;
        const doneOn = f.dueOn < f.scheduledOn ? f.scheduledOn : f.dueOn;
        driver.call(COUNSELOR, 'guidance.completeFollowUp', { id: f.id, version: f.version, doneOn, note: pick(['电话回访：已按计划求职', '电话回访：已参加面试，等待结果', '来访：更新求职意向', '电话回访：暂无新进展']) });
      }
      for (const p of duePlans.all(today) as { id: number; version: number; dueOn: string }[]) {
        if (decided.has(`p${p.id}`)) continue;
        decided.add(`p${p.id}`);
        const roll = r();
        if (roll < 0.7) driver.call(COUNSELOR, 'guidance.updatePlanItem', { id: p.id, version: p.version, status: 'done', doneOn: p.dueOn });
        else if (roll < 0.8) driver.call(COUNSELOR, 'guidance.updatePlanItem', { id: p.id, version: p.version, status: 'dropped' });
      }
    });
  }
  return steps;
}
