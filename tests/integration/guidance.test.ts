import { describe, expect, it } from 'vitest';
import type { CaseView, EmploymentRegistrationProposal, EnterpriseTimelineSection, GuidanceFollowUpView, GuidanceForPerson, GuidanceReferralView, GuidanceSessionView, TimelineSection, VacancyView } from '../../shared/contract';
import { auditDetailText } from '../../shared/labels/audit-detail';
import { lastAuditId, storedAudit } from './accounts-helpers';
import { advanceDays, colleagues, registerPerson, setCalendar } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, keyedConnection, readyDesk, type ReadyDesk } from './helpers';
import { captureStatements, explain } from './plan-helpers';
import { rows } from './registry-helpers';

type Due = { items: GuidanceFollowUpView[]; total: number; overdue: number };
type Recorded = { session: GuidanceSessionView; followUps: GuidanceFollowUpView[] };
type Referred = { referral: GuidanceReferralView; followUp: GuidanceFollowUpView };
type Outcome = { referral: GuidanceReferralView; proposal: EmploymentRegistrationProposal | null };

// The desk's clock starts on Friday 2026-11-27.
const SESSION = {
  sessionDate: '2026-11-26', durationMinutes: 45, mode: 'window', topics: ['job_search_skills', 'training_advice'], notes: '想找离家近的仓储工作，需接送孩子',
  assessment: { skills: '叉车证', intendedOccupationCode: '4-02-06', expectedPayMinFen: 400000, expectedPayMaxFen: 550000, preferredPlace: '木渎镇', barriers: ['care_duties'] },
  planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-12-02' }, { description: '推荐两家仓储企业', owner: 'counselor', dueOn: '2026-12-04' }],
};

/** What a refused guidance call must leave untouched. */
function writes(ready: ReadyDesk): string {
  return ['guidance_sessions', 'guidance_plan_items', 'guidance_referrals', 'guidance_follow_ups', 'audit_log', 'cases']
    .map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`)
    .join(' ');
}

function vacancy(ready: ReadyDesk, extra: Record<string, unknown> = {}): VacancyView {
  const enterprise = registerEnterprise(ready);
  return expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: enterprise.id, source: 'walk_in', occupationCode: '4-02-06', title: '仓库管理员', openings: 2, validFrom: '2026-11-01', validTo: '2026-12-31', ...extra }));
}

describe('职业指导: a counselor records a session, refers, and follows it to the outcome', () => {
  it('records a session with a plan and schedules its follow-ups in working days, across a holiday', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const personId = registerPerson(ready);
    // A made-up day off on Monday 2026-12-07 moves the session's follow-up by a day.
    setCalendar(ready, [{ date: '2026-12-07', kind: 'holiday', note: '测试假日' }]);
    const before = lastAuditId(ready);
    const { session, followUps } = expectOk<Recorded>(sunli.call('guidance.recordSession', { personId, ...SESSION }));
    expect(session).toMatchObject({
      counselorName: '孙丽', modeLabel: '窗口', topics: [{ code: 'job_search_skills', label: '求职技巧' }, { code: 'training_advice', label: '培训建议' }],
      assessment: { intendedOccupationCode: '4-02-06', barriers: [{ code: 'care_duties', label: '照料家庭' }] },
    });
    expect(session.planItems.map((i) => [i.description, i.ownerLabel, i.dueOn, i.statusLabel])).toEqual([
      ['修改简历', '本人', '2026-12-02', '进行中'],
      ['推荐两家仓储企业', '指导员', '2026-12-04', '进行中'],
    ]);
    // Thursday 11-26 + 10 working days: 27, 30, 1, 2, 3, 4, (7 off) 8, 9, 10, 11.
    expect(followUps.map((f) => [f.reasonLabel, f.dueOn])).toEqual([['指导后回访', '2026-12-11'], ['计划到期回访', '2026-12-02'], ['计划到期回访', '2026-12-04']]);
    // The audit names the act, never the notes.
    const audit = storedAudit(ready, before);
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['guidance.recordSession', '孙丽']]);
    expect(JSON.stringify(audit)).not.toContain('孩子');
    // … and reads in Chinese in the audit viewer.
    expect(auditDetailText(audit[0]!.detail)).toBe(`安排回访日期：2026-12-11、2026-12-02、2026-12-04；行动计划事项数：2；指导日期：2026-11-26；指导记录编号：${session.id}；指导方式：窗口；指导内容：求职技巧、培训建议`);
  });

  it('refers to a vacancy; on the due day the follow-up is on her list; 录用 closes it, proposes a 就业登记 and shows on the timeline', () => {
    const ready = readyDesk();
    const { sunli, zhouqiang } = colleagues(ready, ['sunli', 'zhouqiang']);
    const personId = registerPerson(ready);
    const post = vacancy(ready);
    const { session } = expectOk<Recorded>(sunli.call('guidance.recordSession', { personId, ...SESSION, planItems: [] }));
    const { referral, followUp } = expectOk<Referred>(sunli.call('guidance.refer', { personId, sessionId: session.id, kind: 'vacancy', vacancyId: post.id, referredOn: '2026-11-27' }));
    expect(referral).toMatchObject({ kindLabel: '岗位推荐', target: '苏州吴中精工机械有限公司 · 仓库管理员', stateLabel: '已推荐', nextStates: [{ label: '面试' }, { label: '录用' }, { label: '未录用' }] });
    // Friday + 5 working days.
    expect(followUp.dueOn).toBe('2026-12-04');

    const mine = () => expectOk<Due>(sunli.call('guidance.followUpsDue', {}));
    expect(mine().items.map((f) => [f.dueOn, f.standing])).toEqual([['2026-12-04', 'upcoming'], ['2026-12-10', 'upcoming']]);
    advanceDays(ready, 7, [sunli, zhouqiang]);
    expect(mine().items[0]).toMatchObject({ dueOn: '2026-12-04', standing: 'today', personName: '张三', phoneMasked: '139****1234', about: '岗位推荐：苏州吴中精工机械有限公司 · 仓库管理员（已推荐）' });

    const interview = expectOk<Outcome>(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'interview', onDate: '2026-12-02' }));
    expect(interview.proposal).toBeNull();
    const hired = expectOk<Outcome>(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: interview.referral.version, state: 'hired', onDate: '2026-12-04', note: '单位电话答复：下周一上岗' }));
    expect(hired.referral).toMatchObject({ stateLabel: '录用', stateOn: '2026-12-04', nextStates: [] });
    expect(hired.proposal).toEqual({
      caseType: 'employment_registration', personId,
      form: { channel: 'employer_job', employerName: '苏州吴中精工机械有限公司', employerCreditCode: '91320100MA1XY8129Y', startDate: '2026-12-04' },
    });
    // The answer was the follow-up: only the session's own remains.
    expect(mine().items.map((f) => f.reasonLabel)).toEqual(['指导后回访']);

    // The window files the proposed 就业登记 as a draft (counselors do not prepare cases).
    const draft = expectOk<CaseView>(ready.call('cases.create', { personId, caseType: hired.proposal!.caseType, form: { ...hired.proposal!.form, contractType: 'fixed_term' }, documents: [] }));
    expect(draft.state).toBe('draft');

    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: personId }));
    expect(timeline.find((s) => s.kind === 'counseling')!.events.map((e) => e.title)).toEqual(['职业指导（窗口，2026-11-26，45分钟）']);
    expect(timeline.find((s) => s.kind === 'referrals')!.events.map((e) => [e.title, e.detail])).toEqual([
      ['岗位推荐：苏州吴中精工机械有限公司 · 仓库管理员 → 录用（2026-12-04）', '单位电话答复：下周一上岗'],
    ]);
    const employer = expectOk<EnterpriseTimelineSection[]>(ready.call('enterprises.timeline', { id: post.enterpriseId })).find((s) => s.kind === 'referrals')!;
    expect(employer.events).toEqual([expect.objectContaining({ title: '推荐张三（3205**********0134）应聘仓库管理员：录用', detail: '单位电话答复：下周一上岗', actor: '孙丽', link: `/persons/${personId}` })]);
    const all = expectOk<GuidanceForPerson>(ready.call('guidance.forPerson', { personId }));
    expect([all.sessions.length, all.referrals.map((r) => r.stateLabel), all.followUps.map((f) => f.statusLabel)]).toEqual([1, ['录用'], ['待回访', '已回访']]);
  });

  it('refuses a session without a person, a plan item due before the session, and a future session, in Chinese and writing nothing', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const personId = registerPerson(ready);
    const before = writes(ready);
    const { personId: _omit, ...noPerson } = { personId, ...SESSION };
    expect(expectError(sunli.call('guidance.recordSession', noPerson), 'BAD_INPUT').fields).toEqual({ personId: '必填' });
    const early = expectError(sunli.call('guidance.recordSession', { personId, ...SESSION, planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-11-25' }] }), 'BAD_INPUT');
    expect(early.message).toBe('行动计划第1项：完成期限不能早于指导日期（2026-11-26）');
    expect(early.fields).toEqual({ 'planItems.0.dueOn': '完成期限不能早于指导日期（2026-11-26）' });
    expect(expectError(sunli.call('guidance.recordSession', { personId, ...SESSION, sessionDate: '2026-11-28' }), 'BAD_INPUT').message).toContain('指导日期不能晚于今天（2026-11-27）');
    expect(expectError(sunli.call('guidance.recordSession', { personId, ...SESSION, topics: [] }), 'BAD_INPUT').message).toBe('指导内容：请至少选择一个指导内容');
    expect(expectError(sunli.call('guidance.scheduleFollowUp', { personId, dueOn: '2026-11-20' }), 'BAD_INPUT').message).toBe('回访日期：回访日期不能早于今天（2026-11-27）');
    expect(writes(ready)).toBe(before);
  });

  it('refuses a referral to a filled or expired vacancy, a second open referral and an outcome out of order', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const personId = registerPerson(ready);
    const post = vacancy(ready);
    const refer = (vacancyId: number, referredOn = '2026-11-27') => sunli.call('guidance.refer', { personId, kind: 'vacancy', vacancyId, referredOn });
    const expired = expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: post.enterpriseId, source: 'walk_in', occupationCode: '4-02-06', title: '理货员', openings: 1, validFrom: '2026-10-01', validTo: '2026-11-20' }));
    const filled = expectOk<VacancyView>(ready.call('vacancies.create', { enterpriseId: post.enterpriseId, source: 'walk_in', occupationCode: '4-02-06', title: '叉车司机', openings: 1, validFrom: '2026-10-01', validTo: '2026-12-31' }));
    expectOk(ready.call('vacancies.setStatus', { id: filled.id, version: filled.version, status: 'filled', reason: '已招满' }));
    const before = writes(ready);
    expect(expectError(refer(expired.id), 'BAD_INPUT').fields).toEqual({ vacancyId: '岗位“理货员”已于2026-11-20过期，不能再推荐' });
    expect(expectError(refer(filled.id), 'BAD_INPUT').fields).toEqual({ vacancyId: '岗位“叉车司机”已招满，不能再推荐' });
    expect(expectError(sunli.call('guidance.refer', { personId, kind: 'training', referredOn: '2026-11-27' }), 'BAD_INPUT').fields).toHaveProperty('targetName');
    expect(writes(ready)).toBe(before);

    const { referral } = expectOk<Referred>(refer(post.id));
    expect(expectError(refer(post.id), 'BAD_INPUT').message).toContain('尚未有结果');
    const bad = expectError(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'taken_up', onDate: '2026-11-27' }), 'BAD_INPUT');
    expect(bad.fields).toEqual({ state: '岗位推荐不能从“已推荐”改为“已参加/已申请”，可选：面试、录用、未录用' });
    const notHired = expectOk<Outcome>(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'not_hired', onDate: '2026-11-27' }));
    expect(notHired.proposal).toBeNull();
    expect(expectError(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: notHired.referral.version, state: 'hired', onDate: '2026-11-27' }), 'BAD_INPUT').message).toContain('该推荐已有结果（未录用）');
  });

  it('lets counselors and the head record guidance, the front desk and reviewer only read it; only the head sees everyone’s missed follow-ups', () => {
    const ready = readyDesk();
    const { sunli, zhouqiang, liuyang, lina } = colleagues(ready, ['sunli', 'zhouqiang', 'liuyang', 'lina']);
    const personId = registerPerson(ready);
    expectOk(sunli.call('guidance.recordSession', { personId, ...SESSION, planItems: [] }));
    expectOk(zhouqiang.call('guidance.recordSession', { personId, ...SESSION, sessionDate: '2026-11-27', planItems: [] }));
    expect(expectError(liuyang.call('guidance.recordSession', { personId, ...SESSION }), 'FORBIDDEN').message).toMatch(/[\u4e00-\u9fff]/);
    expectError(lina.call('guidance.refer', { personId, kind: 'training', targetName: '电工班', referredOn: '2026-11-27' }), 'FORBIDDEN');
    expect(expectOk<GuidanceForPerson>(liuyang.call('guidance.forPerson', { personId })).sessions).toHaveLength(2);
    expect(expectError(sunli.call('guidance.followUpsDue', { all: true }), 'FORBIDDEN').message).toContain('只有中心主任或审核员');

    advanceDays(ready, 20, [sunli, zhouqiang]);
    const missed = expectOk<Due>(zhouqiang.call('guidance.followUpsDue', { all: true, overdueOnly: true }));
    expect(missed.items.map((f) => [f.counselorName, f.dueOn, f.standing])).toEqual([['孙丽', '2026-12-10', 'overdue'], ['周强', '2026-12-11', 'overdue']]);
    const done = expectOk<GuidanceFollowUpView>(sunli.call('guidance.completeFollowUp', { id: missed.items[0]!.id, version: missed.items[0]!.version, doneOn: '2026-12-15', note: '电话回访，已投简历三份' }));
    expect(done).toMatchObject({ statusLabel: '已回访', doneOn: '2026-12-15', standing: null });
    expect(expectOk<Due>(zhouqiang.call('guidance.followUpsDue', { all: true, overdueOnly: true })).total).toBe(1);
  });

  it('reads and settles guidance through indexes, never a whole guidance table', () => {
    const ready = readyDesk();
    const { sunli, zhouqiang } = colleagues(ready, ['sunli', 'zhouqiang']);
    const personId = registerPerson(ready);
    const post = vacancy(ready);
    const captured = captureStatements(ready);
    const { session } = expectOk<Recorded>(sunli.call('guidance.recordSession', { personId, ...SESSION }));
    const { referral } = expectOk<Referred>(sunli.call('guidance.refer', { personId, sessionId: session.id, kind: 'vacancy', vacancyId: post.id, referredOn: '2026-11-27' }));
    expectOk(sunli.call('guidance.recordReferralOutcome', { id: referral.id, version: referral.version, state: 'hired', onDate: '2026-11-27' }));
    expectOk(sunli.call('guidance.updatePlanItem', { id: session.planItems[0]!.id, version: 1, status: 'dropped' }));
    expectOk(sunli.call('guidance.followUpsDue', {}));
    expectOk(zhouqiang.call('guidance.followUpsDue', { all: true, overdueOnly: true }));
    expectOk(sunli.call('guidance.forPerson', { personId }));
    expectOk(ready.call('persons.timeline', { id: personId }));
    const raw = keyedConnection(ready.dbPath, ready.keyFile);
    const statements = [...new Map(captured.filter((c) => /"?guidance_/.test(c.sql) && !/^\s*insert/i.test(c.sql)).map((c) => [c.sql, c])).values()];
    expect(statements.length).toBeGreaterThan(10);
    const scans = statements.flatMap(({ sql, params }) => explain(raw, sql, params as unknown[]).lines.filter((line) => /^SCAN guidance_/.test(line)).map((line) => `${line} ← ${sql}`));
    expect(scans).toEqual([]);
  });
});
