import { describe, expect, it } from 'vitest';
import type { GuidanceFollowUpView, GuidanceSessionView } from '../../shared/contract';
import { auditDetailText } from '../../shared/labels/audit-detail';
import { activeUser, lastAuditId, storedAudit } from './accounts-helpers';
import { colleagues, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { rows } from './registry-helpers';

type Recorded = { session: GuidanceSessionView; followUps: GuidanceFollowUpView[] };

// The desk's clock starts on Friday 2026-11-27.
const SESSION = {
  sessionDate: '2026-11-25', durationMinutes: 30, mode: 'phone', topics: ['job_search_skills'], notes: '电话沟通求职意向',
  assessment: { barriers: [] }, planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-12-02' }],
};
const edit = (s: GuidanceSessionView, changes: Record<string, unknown>) => ({
  id: s.id, version: s.version, sessionDate: s.sessionDate, durationMinutes: s.durationMinutes, mode: s.mode, topics: s.topics.map((t) => t.code), notes: s.notes,
  assessment: { barriers: [] }, ...changes,
});

describe('修改指导记录: a counselor corrects her session', () => {
  it('saves the correction with a new version, moves the follow-up with the day, and audits the fields, not the words', () => {
    const ready = readyDesk();
    const { sunli } = colleagues(ready, ['sunli']);
    const personId = registerPerson(ready);
    const { session } = expectOk<Recorded>(sunli.call('guidance.recordSession', { personId, ...SESSION }));
    const before = lastAuditId(ready);
    const saved = expectOk<GuidanceSessionView>(sunli.call('guidance.updateSession', edit(session, { sessionDate: '2026-11-26', mode: 'window', durationMinutes: 50, notes: '来窗口面谈，想找仓储工作' })));
    expect(saved).toMatchObject({ sessionDate: '2026-11-26', modeLabel: '窗口', durationMinutes: 50, version: session.version + 1 });
    expect(saved.planItems.map((i) => i.dueOn)).toEqual(['2026-12-02']);
    // Thursday 11-26 + 10 working days (no holidays in this calendar): 12-10.
    const due = rows(ready, `select due_on as d from guidance_follow_ups where session_id = ${session.id} and reason = 'session'`)[0]!.d;
    expect(due).toBe('2026-12-10');
    const audit = storedAudit(ready, before);
    expect(audit.map((a) => a.action)).toEqual(['guidance.updateSession']);
    expect(auditDetailText(audit[0]!.detail)).toBe(`修改项目：指导日期、时长、指导方式、指导情况；指导记录编号：${session.id}`);
    expect(JSON.stringify(audit)).not.toContain('仓储');

    // The copy read before the save is stale now: refused, nothing written.
    const stale = expectError(sunli.call('guidance.updateSession', edit(session, { durationMinutes: 20 })), 'CONFLICT');
    expect(stale.message).toBe('该指导记录已被他人修改，您的修改未保存。请刷新后重试。');
    expect(rows(ready, `select duration_minutes as m from guidance_sessions where id = ${session.id}`)[0]!.m).toBe(50);
  });

  it('refuses a day past a plan item’s due date, a day in the future, and a colleague’s session', () => {
    const ready = readyDesk();
    const { sunli, zhouqiang } = colleagues(ready, ['sunli', 'zhouqiang']);
    const other = activeUser(ready, 'wanglei', ['counselor'], '王磊');
    const personId = registerPerson(ready);
    const { session } = expectOk<Recorded>(sunli.call('guidance.recordSession', { personId, ...SESSION, planItems: [{ description: '修改简历', owner: 'person', dueOn: '2026-11-26' }] }));
    expect(expectError(sunli.call('guidance.updateSession', edit(session, { sessionDate: '2026-11-27' })), 'BAD_INPUT').message).toBe('指导日期：指导日期不能晚于行动计划事项的完成期限（2026-11-26）');
    expect(expectError(sunli.call('guidance.updateSession', edit(session, { sessionDate: '2026-11-30' })), 'BAD_INPUT').message).toBe('指导日期：指导日期不能晚于今天（2026-11-27）');
    expect(expectError(other.call('guidance.updateSession', edit(session, { durationMinutes: 20 })), 'FORBIDDEN').message).toBe('只有记录该指导的指导员或局领导可以修改此记录');
    // The head may correct it.
    expect(expectOk<GuidanceSessionView>(zhouqiang.call('guidance.updateSession', edit(session, { durationMinutes: 20 }))).durationMinutes).toBe(20);
  });
});

