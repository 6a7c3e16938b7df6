import { z } from 'zod';
import { method } from './define';
import { text } from './fields';

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export const calendarContract = {
  'calendar.list': method<CalendarDay[]>()({
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    access: 'session',
    writes: false,
    title: '查看工作日历（节假日与调休）',
  }),
  'calendar.set': method<CalendarDay[]>()({
    input: z.strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      /** null removes the entry: the day follows the ordinary week again. */
      kind: z.enum(['holiday', 'workday'], '请选择节假日或调休上班').nullable(),
      note: text(50, false).nullish(),
    }),
    access: 'settings.manage',
    writes: true,
    title: '设置节假日或调休上班日',
  }),
};
