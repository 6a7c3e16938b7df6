import type { DomainHandlers } from '../router';
import * as calendar from '../services/calendar';

export const calendarHandlers = {
  'calendar.list': calendar.list,
  'calendar.set': calendar.set,
} satisfies DomainHandlers<'calendar'>;
