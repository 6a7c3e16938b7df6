import { describe, expect, it } from 'vitest';
import type { InForceCase, WelfareCheckStatus, WelfarePostView } from '../../shared/contract';
import { welfareCheckTick } from '../../electron/welfare-scheduler';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { approve, CERT_DOCS, CERT_FORM, cases } from './contacts-helpers';
import { expectOk, readyDesk } from './helpers';
import { LI_XIUYING, rows } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27 (10:00 in the office).
describe('the desk runs 公益性岗位 每日核验 itself, once a day', () => {
  it('ends the placement of a withdrawn certification on the day of its run without anyone pressing 每日核验, runs once per office day, and names itself in the audit log', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const li = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, li, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    const post = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', { employerName: '长桥街道办事处', title: '社区保洁员', positions: 1, periodFrom: '2026-01-01', periodTo: '2029-12-31', monthlySubsidyFen: 186_000 }));
    expectOk(sunli.call('welfarePosts.hire', { postId: post.id, personId: li, hiredOn: '2026-11-27' }));
    const logs: string[] = [];
    const log = (l: string) => logs.push(l);

    expect(expectOk<WelfareCheckStatus>(sunli.call('welfarePosts.checkStatus', {}))).toEqual({ lastCheckOn: null, lastCheckBy: null, reminders: 0 });
    expect(welfareCheckTick(ready.desk, log)).toEqual({ state: 'ran', ended: 0 });
    // Again the same day: nothing to do.
    expect(welfareCheckTick(ready.desk, log)).toEqual({ state: 'idle' });

    // The certification is withdrawn on 12-01 and nobody presses 每日核验; the scheduler's run that day ends the placement on 12-01.
    advanceDays(ready, 4, [lina, sunli]);
    const cert = cases(lina.call, li).find((c) => c.caseType === 'difficulty_certification')!;
    expectOk<InForceCase>(lina.call('certifications.exit', { caseId: cert.caseId, version: cert.version, reason: 'moved_out', onDate: '2026-12-01' }));
    expect(welfareCheckTick(ready.desk, log)).toEqual({ state: 'ran', ended: 1 });
    expect(rows(ready, 'select ended_on, end_reason from welfare_placements')).toEqual([{ ended_on: '2026-12-01', end_reason: 'certification_ended' }]);
    expect(rows(ready, "select distinct actor_name as actor from audit_log where action = 'welfarePosts.checkDaily'")).toEqual([{ actor: '命令行（每日核验）' }]);
    expect(expectOk<WelfareCheckStatus>(sunli.call('welfarePosts.checkStatus', {}))).toMatchObject({ lastCheckOn: '2026-12-01', lastCheckBy: '命令行（每日核验）' });
    // Staff pressing 每日核验 the next morning makes the day done: the scheduler then leaves it.
    advanceDays(ready, 1, [lina, sunli]);
    expect(expectOk<{ ended: unknown[] }>(sunli.call('welfarePosts.checkDaily', {})).ended).toEqual([]);
    expect(welfareCheckTick(ready.desk, log)).toEqual({ state: 'idle' });
    expect(expectOk<WelfareCheckStatus>(sunli.call('welfarePosts.checkStatus', {}))).toMatchObject({ lastCheckOn: '2026-12-02', lastCheckBy: '孙丽' });
    expect(logs).toEqual(['公益性岗位每日核验：1人离岗']);
  });

  it('ends a placement at its planned end on the first run after it, by itself', () => {
    const ready = readyDesk();
    const { lina, sunli } = colleagues(ready, ['lina', 'sunli']);
    const li = registerPerson(ready, LI_XIUYING);
    approve(ready, lina, li, 'difficulty_certification', CERT_FORM, CERT_DOCS);
    // A post ending on 12-05 bounds the placement.
    const post = expectOk<WelfarePostView>(sunli.call('welfarePosts.createPost', { employerName: '长桥街道办事处', title: '防汛巡查员', positions: 1, periodFrom: '2026-11-01', periodTo: '2026-12-05', monthlySubsidyFen: 186_000 }));
    expectOk(sunli.call('welfarePosts.hire', { postId: post.id, personId: li, hiredOn: '2026-11-27' }));
    // Within 30 days of the end: on the reminder count.
    expect(expectOk<WelfareCheckStatus>(sunli.call('welfarePosts.checkStatus', {})).reminders).toBe(1);
    const logs: string[] = [];
    for (let day = 0; day < 10; day += 1) {
      welfareCheckTick(ready.desk, (l) => logs.push(l));
      advanceDays(ready, 1, [lina, sunli]);
    }
    expect(rows(ready, 'select ended_on, end_reason from welfare_placements')).toEqual([{ ended_on: '2026-12-05', end_reason: 'term_reached' }]);
    expect(logs).toEqual(['公益性岗位每日核验：1人离岗']);
    // The runs are in the audit log under the scheduler's name.
    expect(rows(ready, "select distinct actor_name as actor from audit_log where action = 'welfarePosts.checkDaily'")).toEqual([{ actor: '命令行（每日核验）' }]);
    expect(expectOk<WelfareCheckStatus>(sunli.call('welfarePosts.checkStatus', {})).lastCheckOn).toBe('2026-12-06');
  });
});
