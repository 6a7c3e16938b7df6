import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../shared/contract';
import { expectError, expectOk, readyDesk } from './helpers';

describe("the administrator's working-day calendar", () => {
  it('keeps holidays and adjusted Saturdays by year, and removes an entry on request', () => {
    const ready = readyDesk({ alsoFrontDesk: false });
    expectOk(ready.call('calendar.set', { date: '2026-10-01', kind: 'holiday', note: '国庆节' }));
    expectOk(ready.call('calendar.set', { date: '2026-10-10', kind: 'workday', note: '国庆调休' }));
    expectOk(ready.call('calendar.set', { date: '2027-01-01', kind: 'holiday', note: '元旦' }));
    expect(expectOk<CalendarDay[]>(ready.call('calendar.list', { year: 2026 }))).toEqual([
      { date: '2026-10-01', kind: 'holiday', note: '国庆节' },
      { date: '2026-10-10', kind: 'workday', note: '国庆调休' },
    ]);
    expect(expectOk<CalendarDay[]>(ready.call('calendar.set', { date: '2026-10-10', kind: null }))).toEqual([{ date: '2026-10-01', kind: 'holiday', note: '国庆节' }]);
    expect(ready.desk.database().sqlite.prepare("select count(*) as n from audit_log where action = 'calendar.set'").get()).toEqual({ n: 4 });
  });

  it('refuses a weekday as an adjusted working day and an impossible date, naming them', () => {
    const ready = readyDesk({ alsoFrontDesk: false });
    expect(expectError(ready.call('calendar.set', { date: '2026-10-09', kind: 'workday' }), 'BAD_INPUT').message).toContain('2026-10-09是工作日');
    expect(expectError(ready.call('calendar.set', { date: '2026-02-30', kind: 'holiday' }), 'BAD_INPUT').message).toContain('不是有效日期');
    expect(expectOk<CalendarDay[]>(ready.call('calendar.list', { year: 2026 }))).toEqual([]);
  });
});
