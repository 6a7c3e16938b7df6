import type { DomainHandlers } from '../router';
import * as satisfaction from '../services/satisfaction';

export const satisfactionHandlers = {
  'satisfaction.service': satisfaction.service,
  'satisfaction.rate': satisfaction.rate,
  'satisfaction.summary': satisfaction.summary,
} satisfies DomainHandlers<'satisfaction'>;
