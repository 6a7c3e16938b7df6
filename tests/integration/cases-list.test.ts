import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../shared/contract';
import { actOk, advanceDays, colleagues, createCase, listCases, registerPerson } from './cases-helpers';
import { readyDesk } from './helpers';
import { LI_XIUYING, SHAN_TIANFANG, ZENG_XIAOXIAN, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

const row = (i: CaseListItem) => [i.id, i.receiptNo, i.applicantName, i.state, i.acceptedOn, i.dueDate, i.overdue, i.preparedByName];
const flags = (items: CaseListItem[]) => items.map((i) => [i.id, i.state, i.overdue]);

describe('the work lists', () => {
  it('lists open cases by due date, mine by preparer or acceptor, a person’s history newest first, and flags overdue ones except while returned', () => {
    const ready = readyDesk();
    const { liuyang, lina } = colleagues(ready, ['liuyang', 'lina']);
    const [p1, p2, p3, p4, p5] = [ZHANG_SAN, ZHANG_LI, LI_XIUYING, ZENG_XIAOXIAN, SHAN_TIANFANG].map((p) => registerPerson(ready, p)) as [number, number, number, number, number];

    // Friday 11-27.
    const c1 = createCase(ready.call, p1);
    actOk(ready.call, c1, 'withdraw', '申请人改日再来');
    const c2 = createCase(ready.call, p1); // stays a draft
    const c3 = createCase(liuyang.call, p2);
    const c4 = actOk(lina.call, actOk(ready.call, createCase(ready.call, p3), 'accept'), 'start_review'); // due 12-02
    actOk(lina.call, actOk(lina.call, actOk(ready.call, createCase(ready.call, p4), 'accept'), 'start_review'), 'approve');
    const c6 = createCase(ready.call, p5);

    advanceDays(ready, 3, [liuyang, lina]); // Monday 11-30
    actOk(ready.call, c3, 'accept'); // prepared by 刘洋, accepted by 王芳: due 12-03
    advanceDays(ready, 1, [liuyang, lina]); // Tuesday 12-01
    actOk(ready.call, actOk(ready.call, c6, 'accept'), 'return', '缺告知承诺书签字'); // due 12-04, then returned

    const open = listCases(ready.call, 'open');
    expect(open.total).toBe(4);
    expect(open.items.map(row)).toEqual([
      [c4.id, '320506-2026-00001', '李秀英', 'in_review', '2026-11-27', '2026-12-02', false, '王芳'],
      [c3.id, '320506-2026-00003', '张丽', 'accepted', '2026-11-30', '2026-12-03', false, '刘洋'],
      [c6.id, '320506-2026-00004', '单田芳', 'returned', '2026-12-01', '2026-12-04', false, '王芳'],
      [c2.id, null, '张三', 'draft', null, null, false, '王芳'],
    ]);
    expect(open.items.every((i) => i.caseLabel === '失业登记')).toBe(true);
    const secondPage = listCases(ready.call, 'open', { page: 2, pageSize: 2 });
    expect([secondPage.total, secondPage.items.map((i) => i.id)]).toEqual([4, [c6.id, c2.id]]);

    // 王芳 prepared c2, c4, c6 and accepted c3; 刘洋 prepared c3 only; 李娜 only reviewed.
    expect(listCases(ready.call, 'mine').items.map((i) => i.id)).toEqual([c4.id, c3.id, c6.id, c2.id]);
    expect(listCases(liuyang.call, 'mine')).toMatchObject({ total: 1, items: [{ id: c3.id }] });
    expect(listCases(lina.call, 'mine')).toEqual({ items: [], total: 0 });

    // The person's history keeps closed cases, newest first.
    expect(listCases(ready.call, 'person', { personId: p1 }).items.map((i) => [i.id, i.state])).toEqual([
      [c2.id, 'draft'],
      [c1.id, 'withdrawn'],
    ]);
    expect(listCases(ready.call, 'person', { personId: p4 }).items.map((i) => [i.receiptNo, i.state, i.overdue])).toEqual([['320506-2026-00002', 'approved', false]]);

    advanceDays(ready, 2); // Thursday 12-03: c4 is a day late; c3 is due today
    expect(flags(listCases(ready.call, 'open').items)).toEqual([
      [c4.id, 'in_review', true],
      [c3.id, 'accepted', false],
      [c6.id, 'returned', false],
      [c2.id, 'draft', false],
    ]);
    advanceDays(ready, 4); // Monday 12-07: past every due date
    expect(flags(listCases(ready.call, 'open').items)).toEqual([
      [c4.id, 'in_review', true],
      [c3.id, 'accepted', true],
      [c6.id, 'returned', false],
      [c2.id, 'draft', false],
    ]);
    expect(flags(listCases(ready.call, 'person', { personId: p4 }).items)).toEqual([[c4.id + 1, 'approved', false]]);
  });
});
