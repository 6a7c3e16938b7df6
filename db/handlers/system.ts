import type { DomainHandlers } from '../router';
import * as system from '../services/system';

export const systemHandlers = {
  'system.info': system.info,
} satisfies DomainHandlers<'system'>;
