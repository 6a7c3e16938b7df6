import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import {
  PLAIN_WEEK_CALENDAR,
  addWorkingDays,
  buildWorkCalendar,
  dayOfWeek,
  dueDateWithPauses,
  isWorkingDay,
  workCalendarProblems,
  workingDaysBetween,
} from '../../shared/domain/working-days';

// March 2026 has no public holiday: 03-02 is a Monday, 03-06 Friday, 03-07/08 the weekend.
const plain = PLAIN_WEEK_CALENDAR;

// National Day 2026 as an administrator would enter it (test data, not the State Council's
// actual notice): 10-01 (Thu) … 10-07 (Wed) off; Sunday 09-20 and Saturday 10-10 worked instead.
const nationalDay = buildWorkCalendar(
  ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  ['2026-09-20', '2026-10-10'],
);

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', plain, true, 'a Monday'],
    ['2026-03-06', plain, true, 'a Friday'],
    ['2026-03-07', plain, false, 'a Saturday'],
    ['2026-03-08', plain, false, 'a Sunday'],
    ['2026-10-01', nationalDay, false, 'a Thursday that is a public holiday'],
    ['2026-10-07', nationalDay, false, 'the last weekday of the holiday'],
    ['2026-10-08', nationalDay, true, 'the Thursday after the holiday'],
    ['2026-10-10', nationalDay, true, 'an adjusted Saturday'],
    ['2026-09-20', nationalDay, true, 'an adjusted Sunday'],
    ['2026-09-19', nationalDay, false, 'an ordinary Saturday in the same calendar'],
    ['2026-10-01', plain, true, 'a holiday nobody entered (no built-in list)'],
  ])('%s is %s: %s', (date, cal, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('knows the day of the week', () => {
    expect(['2026-03-01', '2026-03-02', '2026-03-07'].map(dayOfWeek)).toEqual([0, 1, 6]);
  });

  it('throws on a date that does not exist', () => {
    expect(() => isWorkingDay('2026-02-30', plain)).toThrow(RangeError);
  });
});

describe('addWorkingDays (the starting day never counts)', () => {
  it.each([
    ['2026-03-02', 3, '2026-03-05', 'Monday + 3 stays in the week'],
    ['2026-03-05', 3, '2026-03-10', 'Thursday + 3 crosses the weekend'],
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 is Monday'],
    ['2026-03-07', 1, '2026-03-09', 'accepted on a Saturday: the next working day is Monday'],
    ['2026-03-02', 5, '2026-03-09', 'five working days are a calendar week'],
    ['2026-03-02', 0, '2026-03-02', 'n = 0 is the day itself'],
    ['2026-03-07', 0, '2026-03-07', 'n = 0 even on a weekend'],
  ])('plain week: %s + %i = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n, plain)).toBe(expected);
  });

  it('skips the holiday week and counts the adjusted Saturday', () => {
    // 09-30 (Wed) + 3: 10-08 Thu, 10-09 Fri, 10-10 Sat (worked).
    expect(addWorkingDays('2026-09-30', 3, nationalDay)).toBe('2026-10-10');
    // The same limit without the adjusted Saturday would fall on Monday.
    expect(addWorkingDays('2026-09-30', 3, buildWorkCalendar(nationalDay.holidays, []))).toBe('2026-10-12');
  });

  it('counts an adjusted Sunday before the holiday', () => {
    expect(addWorkingDays('2026-09-18', 1, nationalDay)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 2, nationalDay)).toBe('2026-09-21');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-02', -1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, plain)).toThrow(RangeError);
  });
});

describe('workingDaysBetween: (from, to]', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-06', '2026-03-09', 1],
    ['2026-03-02', '2026-03-09', 5],
    ['2026-03-09', '2026-03-02', -5],
    ['2026-03-07', '2026-03-08', 0],
  ])('plain week: %s → %s = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, plain)).toBe(expected);
  });

  it('across the National Day week', () => {
    // 10-08, 10-09, 10-10 (adjusted), 10-12.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', nationalDay)).toBe(4);
    expect(workingDaysBetween('2026-10-12', '2026-09-30', nationalDay)).toBe(-4);
  });

  it('inverts addWorkingDays for every start day in September–October 2026 and n ≤ 12', () => {
    for (let start = '2026-09-01'; start <= '2026-10-31'; start = addDays(start, 1)) {
      for (let n = 0; n <= 12; n += 1) {
        const due = addWorkingDays(start, n, nationalDay);
        expect(workingDaysBetween(start, due, nationalDay)).toBe(n);
        if (n > 0) expect(isWorkingDay(due, nationalDay)).toBe(true);
      }
    }
  });
});

describe('dueDateWithPauses (退回补正 stops the clock)', () => {
  it('without pauses equals addWorkingDays', () => {
    expect(dueDateWithPauses('2026-03-02', 3, [], plain, '2026-03-02')).toBe('2026-03-05');
    expect(dueDateWithPauses('2026-09-30', 3, [], nationalDay, '2026-09-30')).toBe('2026-10-10');
  });

  it('counts the day of return, not the days waiting nor the day of resubmission', () => {
    // Tue 03-03 counts (1); Wed 03-04 and Thu 03-05 are paused; Fri 03-06 (2); Mon 03-09 (3).
    const pauses = [{ from: '2026-03-03', to: '2026-03-05' }];
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-20')).toBe('2026-03-09');
  });

  it('a pause over a weekend only costs the working days in it', () => {
    // Returned Fri 03-06, resubmitted Mon 03-09: only Monday is lost.
    const pauses = [{ from: '2026-03-06', to: '2026-03-09' }];
    expect(dueDateWithPauses('2026-03-02', 5, pauses, plain, '2026-03-20')).toBe('2026-03-10');
  });

  it('an open pause gives the earliest due date, as if resubmitted today', () => {
    const pauses = [{ from: '2026-03-03', to: null }];
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-04')).toBe('2026-03-06');
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-10')).toBe('2026-03-12');
    // Returned today: nothing is paused yet.
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-03')).toBe('2026-03-05');
  });

  it('several pauses add up', () => {
    const pauses = [
      { from: '2026-03-02', to: '2026-03-03' },
      { from: '2026-03-04', to: '2026-03-05' },
    ];
    // 03-03 and 03-05 paused; 03-04 (1), 03-06 (2), 03-09 (3).
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-20')).toBe('2026-03-09');
  });

  it('a pause after the limit ran out does not move the due date', () => {
    const pauses = [{ from: '2026-03-06', to: '2026-03-10' }];
    expect(dueDateWithPauses('2026-03-02', 3, pauses, plain, '2026-03-20')).toBe('2026-03-05');
  });

  it('a pause spanning the holiday week, resumed on the adjusted Saturday', () => {
    // Accepted Mon 09-28; returned Tue 09-29 (1); resubmitted Fri 10-09; Sat 10-10 (2); Mon 10-12 (3).
    const pauses = [{ from: '2026-09-29', to: '2026-10-09' }];
    expect(dueDateWithPauses('2026-09-28', 3, pauses, nationalDay, '2026-10-09')).toBe('2026-10-12');
  });

  it('limit 0 is due on the day of acceptance', () => {
    expect(dueDateWithPauses('2026-03-02', 0, [{ from: '2026-03-02', to: null }], plain, '2026-03-09')).toBe('2026-03-02');
  });

  it('refuses pauses that make no sense', () => {
    expect(() => dueDateWithPauses('2026-03-02', 3, [{ from: '2026-03-01', to: null }], plain, '2026-03-09')).toThrow(RangeError);
    expect(() => dueDateWithPauses('2026-03-02', 3, [{ from: '2026-03-05', to: '2026-03-04' }], plain, '2026-03-09')).toThrow(RangeError);
  });
});

describe('the administrator’s calendar entries', () => {
  it('accepts a consistent schedule', () => {
    expect(workCalendarProblems(nationalDay.holidays, nationalDay.adjustedWorkdays)).toEqual([]);
  });

  it('names each problem in Chinese', () => {
    const problems = workCalendarProblems(['2026-10-01', '2026-13-01', '2026-10-10'], ['2026-10-10', '2026-10-12', '10/11/2026']);
    expect(problems).toEqual([
      '节假日“2026-13-01”不是有效日期（应为YYYY-MM-DD）',
      '2026-10-10同时登记为节假日和调休上班日',
      '2026-10-12是工作日，不需要登记为调休上班日',
      '调休上班日“10/11/2026”不是有效日期（应为YYYY-MM-DD）',
    ]);
  });

  it('buildWorkCalendar refuses inconsistent entries', () => {
    expect(() => buildWorkCalendar(['2026-10-10'], ['2026-10-10'])).toThrow(/同时登记/);
  });
});
