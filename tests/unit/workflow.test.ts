import { describe, expect, it } from 'vitest';
import {
  CANCELLATION_REASONS,
  EFFECT_LABELS,
  CASE_TYPES,
  CASE_TYPE_CODES,
  annualReviewDue,
  cancellationReasonForChannel,
  cancellationRefusal,
  checkUnemploymentEligibility,
  followUpDue,
  missingFormFields,
  missingRequiredDocuments,
  proposeCancellation,
  type CaseType,
} from '../../shared/domain/case-types';
import {
  ACTION_LABELS,
  CASE_ACTIONS,
  CASE_STATES,
  OPEN_STATES,
  STANDARD_WORKFLOW,
  STATE_LABELS,
  applyTransition,
  availableActions,
  checkTransition,
  isOpen,
  reachableStates,
  workflowProblems,
  type CaseAction,
  type CaseState,
  type TransitionRecord,
  type WorkflowActor,
  type WorkflowFacts,
} from '../../shared/domain/workflow';
import { PLAIN_WEEK_CALENDAR, buildWorkCalendar } from '../../shared/domain/working-days';
import type { Role } from '../../shared/roles';

/** xorshift32: a few lines, deterministic, so a failing sequence can be replayed from its seed. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const CAST: readonly WorkflowActor[] = [
  { userId: 1, roles: ['front_desk'] },
  { userId: 2, roles: ['front_desk'] },
  { userId: 3, roles: ['reviewer'] },
  { userId: 4, roles: ['reviewer'] },
  { userId: 5, roles: ['head'] },
  { userId: 6, roles: ['counselor'] },
  { userId: 7, roles: ['admin'] },
  // Small offices give one person two hats: separation of duties must still hold.
  { userId: 8, roles: ['front_desk', 'reviewer'] },
  { userId: 9, roles: ['counselor', 'head'] },
];
const COMMENTS = [null, '', '   ', '材料不齐，请补交户口簿'];
const HAN = /[\u4e00-\u9fff]/;
const FINAL: readonly CaseState[] = ['not_accepted', 'approved', 'rejected', 'withdrawn'];

/**
 * The rules written out independently of the rule table, so the
 * property test compares two readings of the same text rather than the code
 * with itself.
 */
function specNextState(state: CaseState, action: CaseAction, actor: WorkflowActor, facts: WorkflowFacts, comment: string | null): CaseState | null {
  const has = (...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
  const commented = comment !== null && comment.trim() !== '';
  const separate = actor.userId !== facts.preparedBy && actor.userId !== facts.acceptedBy;
  const documentsComplete = facts.missingRequiredDocuments.length === 0;
  switch (action) {
    case 'accept':
      return state === 'draft' && has('front_desk') && documentsComplete ? 'accepted' : null;
    case 'decline':
      return state === 'draft' && has('front_desk') && commented ? 'not_accepted' : null;
    case 'start_review':
      return state === 'accepted' && has('reviewer', 'head') ? 'in_review' : null;
    case 'return':
      return (state === 'accepted' || state === 'in_review') && has('front_desk', 'reviewer', 'head') && commented ? 'returned' : null;
    case 'resubmit':
      return state === 'returned' && has('front_desk') && documentsComplete ? 'accepted' : null;
    case 'approve':
      return state === 'in_review' && has('reviewer', 'head') && separate ? 'approved' : null;
    case 'reject':
      return state === 'in_review' && has('reviewer', 'head') && separate && commented ? 'rejected' : null;
    case 'withdraw':
      return OPEN_STATES.includes(state) && has('front_desk') ? 'withdrawn' : null;
  }
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function frozenFacts(facts: WorkflowFacts): WorkflowFacts {
  Object.freeze(facts.missingRequiredDocuments);
  return Object.freeze(facts);
}

describe.each(CASE_TYPE_CODES)('workflow of %s: 2,000 random sequences', (code) => {
  const type: CaseType = CASE_TYPES[code];
  const documentLabels = type.documents.map((d) => d.label);

  it('never reaches an illegal state, and a refusal writes nothing', () => {
    const rand = xorshift(0x5eed + code.length);
    const reachable = reachableStates(type.workflow);
    expect([...reachable].sort()).toEqual([...CASE_STATES].sort());
    const reached = new Set<CaseState>();
    const succeeded = new Set<CaseAction>();
    let refusals = 0;
    // ~130,000 steps: plain checks collected here, one expect at the end, keep the run to a second or so.
    const failures: string[] = [];
    const assert = (ok: boolean, what: string) => {
      if (!ok && failures.length < 20) failures.push(what);
    };

    for (let sequence = 0; sequence < 2000; sequence += 1) {
      let state: CaseState = 'draft';
      let facts = frozenFacts({ preparedBy: pick(rand, CAST).userId, acceptedBy: null, missingRequiredDocuments: [] });
      const preparedBy = facts.preparedBy;
      const history: TransitionRecord[] = [];
      const steps = 1 + Math.floor(rand() * 16);

      for (let step = 0; step < steps; step += 1) {
        // Half the time an action the table knows for this state, so deep states are visited often.
        const known = type.workflow.filter((r) => r.from.includes(state)).map((r) => r.action);
        const action = known.length > 0 && rand() < 0.5 ? pick(rand, known) : pick(rand, CASE_ACTIONS);
        const actor = pick(rand, CAST);
        const comment = pick(rand, COMMENTS);
        const missing = rand() < 0.6 ? [] : documentLabels.filter(() => rand() < 0.5);
        facts = frozenFacts({ ...facts, missingRequiredDocuments: missing });
        const at = `2026-03-02T0${step % 10}:00:00.000Z`;
        const before = { state, facts, historyLength: history.length };
        const where = `seq ${sequence} step ${step}: ${action} by user ${actor.userId} in ${state}`;

        const check = checkTransition(type.workflow, state, action, actor, facts, comment);
        const result = applyTransition(type.workflow, state, action, actor, facts, comment, at);
        const expected = specNextState(state, action, actor, facts, comment);
        assert(result.ok === (expected !== null), `${where}: ok=${result.ok}, the issue's rules say ${expected ?? 'refuse'}`);
        assert(check.ok === result.ok, `${where}: checkTransition and applyTransition disagree`);
        // The buttons offered agree with the check (a comment given when one is needed).
        const offered = availableActions(type.workflow, state, actor, facts).some((a) => a.action === action);
        assert(offered === checkTransition(type.workflow, state, action, actor, facts, '理由').ok, `${where}: availableActions disagrees`);

        if (!result.ok) {
          refusals += 1;
          assert(HAN.test(result.reason), `${where}: reason not in Chinese: ${result.reason}`);
          if (FINAL.includes(state)) assert(result.reason.includes('已办结'), `${where}: final state reason: ${result.reason}`);
          // Nothing written: no record, and state and facts untouched (facts are frozen).
          assert(state === before.state && facts === before.facts && history.length === before.historyLength, `${where}: refusal changed something`);
          continue;
        }

        assert(!FINAL.includes(state), `${where}: left a final state`);
        assert(result.to === expected, `${where}: went to ${result.to}, expected ${expected}`);
        if (action === 'approve' || action === 'reject') {
          assert(actor.userId !== preparedBy && actor.userId !== facts.acceptedBy, `${where}: decided by the preparer or accepter`);
        }
        const r = result.record;
        const trimmed = comment === null || comment.trim() === '' ? null : comment.trim();
        assert(
          r.action === action && r.from === state && r.to === result.to && r.actorUserId === actor.userId && r.at === at && r.comment === trimmed,
          `${where}: wrong record ${JSON.stringify(r)}`,
        );
        history.push(r);
        state = result.to;
        facts = frozenFacts({ ...result.facts });
        if (action === 'accept') assert(facts.acceptedBy === actor.userId, `${where}: acceptedBy not set`);
        assert(reachable.has(state), `${where}: unreachable state ${state}`);
        reached.add(state);
        succeeded.add(action);
      }

      // The history is a chain from the draft to the current state, with at most one final step, at the end.
      history.forEach((record, i) => assert(record.from === (i === 0 ? 'draft' : history[i - 1]?.to), `seq ${sequence}: broken chain`));
      assert((history.at(-1)?.to ?? 'draft') === state, `seq ${sequence}: history does not end in the state`);
      assert(history.slice(0, -1).every((r) => !FINAL.includes(r.to)), `seq ${sequence}: a step after a final state`);
    }

    expect(failures).toEqual([]);
    // The run is not vacuous: every state and every action was exercised, and many refusals seen.
    expect([...reached].sort()).toEqual(CASE_STATES.filter((s) => s !== 'draft').sort());
    expect([...succeeded].sort()).toEqual([...CASE_ACTIONS].sort());
    expect(refusals).toBeGreaterThan(1000);
  });
});

describe('workflow rules, case by case', () => {
  const unemployment = CASE_TYPES.unemployment_registration;
  const wf = unemployment.workflow;
  const clerk: WorkflowActor = { userId: 1, roles: ['front_desk'] };
  const dual: WorkflowActor = { userId: 8, roles: ['front_desk', 'reviewer'] };
  const reviewer: WorkflowActor = { userId: 3, roles: ['reviewer'] };
  const facts = (over: Partial<WorkflowFacts> = {}): WorkflowFacts => ({ preparedBy: 1, acceptedBy: 1, missingRequiredDocuments: [], ...over });

  it('every case type’s workflow passes the shape checks', () => {
    for (const code of CASE_TYPE_CODES) expect(workflowProblems(CASE_TYPES[code].workflow)).toEqual([]);
  });

  it('the shape check catches a decision without separation of duties and a way out of a final state', () => {
    const broken = [
      ...STANDARD_WORKFLOW.filter((r) => r.action !== 'approve'),
      { action: 'approve' as const, from: ['in_review' as const], to: 'approved' as const, roles: ['reviewer' as const] },
      { action: 'withdraw' as const, from: ['approved' as const], to: 'withdrawn' as const, roles: ['front_desk' as const] },
    ];
    expect(workflowProblems(broken)).toEqual(
      expect.arrayContaining(['approve decides the case without separation of duties', 'withdraw leaves final state approved']),
    );
  });

  it('acceptance is blocked by a missing document, and the reason names it', () => {
    const missing = missingRequiredDocuments(unemployment, {}, ['id_card']);
    expect(missing).toEqual(['告知承诺书']);
    const check = checkTransition(wf, 'draft', 'accept', clerk, facts({ acceptedBy: null, missingRequiredDocuments: missing }), null);
    expect(check).toEqual({ ok: false, kind: 'incomplete', reason: '缺少必需材料：告知承诺书，不能「受理」' });
    expect(checkTransition(wf, 'draft', 'accept', clerk, facts({ acceptedBy: null }), null)).toEqual({ ok: true, to: 'accepted' });
  });

  it('reject without a comment is refused; blank does not count as a comment', () => {
    const f = facts();
    for (const comment of [null, '', '  \n ']) {
      expect(checkTransition(wf, 'in_review', 'reject', reviewer, f, comment)).toEqual({ ok: false, kind: 'incomplete', reason: '「不予批准」须填写理由' });
    }
    expect(checkTransition(wf, 'in_review', 'reject', reviewer, f, '不符合登记条件')).toEqual({ ok: true, to: 'rejected' });
  });

  it('return for correction needs a comment too, and resubmission goes back to 已受理', () => {
    expect(checkTransition(wf, 'in_review', 'return', reviewer, facts(), null).ok).toBe(false);
    expect(checkTransition(wf, 'in_review', 'return', reviewer, facts(), '缺户口簿')).toEqual({ ok: true, to: 'returned' });
    expect(checkTransition(wf, 'returned', 'resubmit', clerk, facts(), null)).toEqual({ ok: true, to: 'accepted' });
    const stillMissing = facts({ missingRequiredDocuments: ['告知承诺书'] });
    expect(checkTransition(wf, 'returned', 'resubmit', clerk, stillMissing, null)).toMatchObject({ ok: false, reason: expect.stringContaining('告知承诺书') });
  });

  it('the user who accepted the case cannot approve it, even holding the reviewer role', () => {
    const accepted = applyTransition(wf, 'draft', 'accept', dual, facts({ preparedBy: 2, acceptedBy: null }), null, '2026-03-02T01:00:00Z');
    if (!accepted.ok) throw new Error(accepted.reason);
    expect(accepted.facts.acceptedBy).toBe(8);
    const reviewing = applyTransition(wf, 'accepted', 'start_review', reviewer, accepted.facts, null, '2026-03-02T02:00:00Z');
    if (!reviewing.ok) throw new Error(reviewing.reason);
    const refused = checkTransition(wf, 'in_review', 'approve', dual, reviewing.facts, null);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('职责分离') });
    expect(checkTransition(wf, 'in_review', 'reject', dual, reviewing.facts, '理由').ok).toBe(false);
    expect(checkTransition(wf, 'in_review', 'approve', reviewer, reviewing.facts, null)).toEqual({ ok: true, to: 'approved' });
  });

  it('the user who prepared the draft cannot approve it either', () => {
    const f = facts({ preparedBy: 8, acceptedBy: 1 });
    expect(checkTransition(wf, 'in_review', 'approve', dual, f, null)).toMatchObject({ ok: false });
  });

  it('names the roles a step needs', () => {
    expect(checkTransition(wf, 'in_review', 'approve', clerk, facts({ preparedBy: 2, acceptedBy: 2 }), null)).toEqual({
      ok: false,
      kind: 'not_yours',
      reason: '「批准」须由审核员或局领导/中心主任办理',
    });
  });

  it('withdrawal by the front desk from every open state, by no one from a final one', () => {
    for (const state of OPEN_STATES) expect(checkTransition(wf, state, 'withdraw', clerk, facts(), null)).toEqual({ ok: true, to: 'withdrawn' });
    expect(checkTransition(wf, 'in_review', 'withdraw', reviewer, facts(), null).ok).toBe(false);
    for (const state of FINAL) {
      expect(isOpen(state)).toBe(false);
      for (const action of CASE_ACTIONS) {
        for (const actor of CAST) expect(checkTransition(wf, state, action, actor, facts({ preparedBy: 99, acceptedBy: 98 }), '理由').ok).toBe(false);
      }
      expect(checkTransition(wf, state, 'withdraw', clerk, facts(), null)).toMatchObject({ reason: `案件已办结（${STATE_LABELS[state]}），不能再「撤回」` });
    }
  });

  it('a step from the wrong state says which states allow it', () => {
    expect(checkTransition(wf, 'draft', 'approve', reviewer, facts({ preparedBy: 2, acceptedBy: null }), null)).toEqual({
      ok: false,
      kind: 'not_now',
      reason: '案件处于「草稿」状态，不能「批准」（仅限：审核中）',
    });
  });

  it('offers a reviewer the decisions on a case in review', () => {
    expect(availableActions(wf, 'in_review', reviewer, facts())).toEqual([
      { action: 'return', to: 'returned', commentRequired: true },
      { action: 'approve', to: 'approved', commentRequired: false },
      { action: 'reject', to: 'rejected', commentRequired: true },
    ]);
    expect(availableActions(wf, 'approved', reviewer, facts())).toEqual([]);
  });

  it('labels every state and action in Chinese', () => {
    for (const s of CASE_STATES) expect(STATE_LABELS[s]).toMatch(HAN);
    for (const a of CASE_ACTIONS) expect(ACTION_LABELS[a]).toMatch(HAN);
    expect([STATE_LABELS.draft, STATE_LABELS.accepted, STATE_LABELS.in_review, STATE_LABELS.returned]).toEqual(['草稿', '已受理', '审核中', '退回补正']);
  });
});

describe('case types as data', () => {
  it('has the five cases with their Chinese names, the applicant\'s identity document and a time limit', () => {
    expect(CASE_TYPE_CODES.map((c) => CASE_TYPES[c].label)).toEqual(['失业登记', '就业登记', '就业困难人员认定', '补贴申请', '职业培训补贴申领']);
    for (const code of CASE_TYPE_CODES) {
      const type = CASE_TYPES[code];
      expect(type.code).toBe(code);
      // A person shows an ID card; an enterprise (a training provider's claim) its business licence.
      if (type.applicants.includes('person')) expect(type.documents.find((d) => d.code === 'id_card')).toMatchObject({ label: '身份证或社保卡', required: true });
      else expect(type.documents.find((d) => d.code === 'business_license')).toMatchObject({ required: true, applicant: 'enterprise' });
      expect(type.timeLimitWorkingDays).toBeGreaterThan(0);
      for (const effect of type.effects.onApprove) expect(EFFECT_LABELS[effect]).toMatch(HAN);
    }
    expect(CASE_TYPES.unemployment_registration.timeLimitWorkingDays).toBe(3);
  });

  it('就业登记 ends an open 失业登记 and asks for the documents of its channel', () => {
    const type = CASE_TYPES.employment_registration;
    expect(type.effects.onApprove).toEqual(['close_open_unemployment_registration', 'set_status_employed']);
    expect(missingRequiredDocuments(type, { channel: 'employer_job' }, ['id_card'])).toEqual(['劳动合同']);
    expect(missingRequiredDocuments(type, { channel: 'self_employed' }, ['id_card'])).toEqual(['营业执照']);
    expect(missingRequiredDocuments(type, { channel: 'flexible' }, ['id_card'])).toEqual(['灵活就业告知承诺书']);
    expect(missingFormFields(type, { channel: 'employer_job', startDate: '2026-03-02', employerName: '  ' })).toEqual(['用人单位', '合同类型']);
    expect(missingFormFields(type, { channel: 'flexible', startDate: '2026-03-02' })).toEqual([]);
    expect(cancellationReasonForChannel('self_employed')).toBe('self_employed');
    expect(cancellationReasonForChannel('public_welfare_post')).toBe('employed');
  });

  it('就业困难人员认定 asks for the evidence of its category', () => {
    const type = CASE_TYPES.difficulty_certification;
    expect(missingRequiredDocuments(type, { category: 'disabled' }, ['id_card', 'difficulty_application'])).toEqual(['残疾证']);
    expect(missingRequiredDocuments(type, { category: 'dibao' }, ['id_card'])).toEqual(['就业困难人员认定申请表', '低保证']);
    expect(annualReviewDue('2026-03-02', null)).toBe('2027-03-02');
    expect(annualReviewDue('2026-03-02', '2027-02-20')).toBe('2028-02-20');
  });
});

describe('失业登记 eligibility, follow-up and cancellation', () => {
  const man1965 = { birthDate: '1965-06-15', sex: 'male' as const, employmentStatus: 'unemployed_unregistered' as const };

  it('a man born 1965-06-15 retires at 60岁2个月 on 2025-08-15', () => {
    expect(checkUnemploymentEligibility(man1965, '2025-08-14')).toEqual([]);
    expect(checkUnemploymentEligibility(man1965, '2025-08-15')).toEqual(['已达到法定退休年龄（60岁2个月，2025-08-15起）']);
  });

  it('working age starts on the 16th birthday', () => {
    const teen = { birthDate: '2010-03-01', sex: 'female' as const, employmentStatus: 'not_in_labour_force' as const };
    expect(checkUnemploymentEligibility(teen, '2026-02-28')).toEqual(['未满16周岁']);
    expect(checkUnemploymentEligibility(teen, '2026-03-01')).toEqual([]);
  });

  it('a woman of unknown category is judged by the later retirement age', () => {
    // Born 1975-03-10: worker50 → 50岁2个月 (2025-05-10); cadre55 → 55岁4个月 (2030-07-10).
    const woman = { birthDate: '1975-03-10', sex: 'female' as const, employmentStatus: 'unemployed_unregistered' as const };
    expect(checkUnemploymentEligibility(woman, '2025-05-10')).toEqual([]);
    expect(checkUnemploymentEligibility({ ...woman, femaleRetirementCategory: 'worker50' }, '2025-05-10')).toEqual(['已达到法定退休年龄（50岁2个月，2025-05-10起）']);
  });

  it('refuses someone employed, retired or already registered', () => {
    expect(checkUnemploymentEligibility({ ...man1965, employmentStatus: 'employed' }, '2025-01-02')).toEqual(['目前为就业状态，须先办理就业状态变更']);
    expect(checkUnemploymentEligibility({ ...man1965, employmentStatus: 'retired' }, '2025-01-02')).toHaveLength(1);
    expect(checkUnemploymentEligibility({ ...man1965, employmentStatus: 'unemployed_registered' }, '2025-01-02')).toHaveLength(1);
    expect(checkUnemploymentEligibility({ ...man1965, employmentStatus: 'employed' }, '2025-09-01')).toHaveLength(2);
  });

  it('the follow-up contact is due 5 working days after acceptance, holidays skipped', () => {
    expect(followUpDue('2026-03-02', PLAIN_WEEK_CALENDAR)).toBe('2026-03-09');
    const cal = buildWorkCalendar(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], ['2026-10-10']);
    // 09-30 (1), 10-08 (2), 10-09 (3), 10-10 Sat (4), 10-12 (5).
    expect(followUpDue('2026-09-29', cal)).toBe('2026-10-12');
  });

  it('proposes cancellation on the day 6 months after the last contact', () => {
    expect(proposeCancellation('2026-01-15', '2026-07-14')).toBe(false);
    expect(proposeCancellation('2026-01-15', '2026-07-15')).toBe(true);
    expect(proposeCancellation('2025-08-31', '2026-02-27')).toBe(false);
    expect(proposeCancellation('2025-08-31', '2026-02-28')).toBe(true);
  });

  it('the 6-month cancellation is confirmed by a reviewer, not the front desk', () => {
    expect(CANCELLATION_REASONS.find((r) => r.code === 'no_contact_6_months')?.label).toBe('连续6个月未与公共就业服务机构联系');
    expect(cancellationRefusal('no_contact_6_months', { userId: 1, roles: ['front_desk'] }, null)).toBe(
      '以“连续6个月未与公共就业服务机构联系”为由注销须由审核员或局领导/中心主任办理',
    );
    expect(cancellationRefusal('no_contact_6_months', { userId: 3, roles: ['reviewer'] }, null)).toBeNull();
    expect(cancellationRefusal('employed', { userId: 1, roles: ['front_desk'] }, null)).toBeNull();
    expect(cancellationRefusal('local_rule', { userId: 1, roles: ['front_desk'] }, ' ')).toMatch(/须填写说明/);
    expect(cancellationRefusal('employed', { userId: 7, roles: ['admin'] }, null)).toMatch(HAN);
  });
});
