import type { DomainHandlers } from '../router';
import * as divisions from '../services/divisions';

export const divisionsHandlers = {
  'divisions.townships': divisions.townships,
  'divisions.villages': divisions.villages,
  'divisions.counties': divisions.counties,
} satisfies DomainHandlers<'divisions'>;
