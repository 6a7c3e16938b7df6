import type { DomainHandlers } from '../router';
import * as divisions from '../services/divisions';

export const divisionsHandlers = {
  'divisions.townships': divisions.townships,
  'divisions.villages': divisions.villages,
} satisfies DomainHandlers<'divisions'>;
