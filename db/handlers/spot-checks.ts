import type { DomainHandlers } from '../router';
import * as spotChecks from '../services/spot-checks';

export const spotChecksHandlers = {
  'spotChecks.list': spotChecks.list,
  'spotChecks.create': spotChecks.create,
  'spotChecks.get': spotChecks.get,
  'spotChecks.record': spotChecks.record,
  'spotChecks.finish': spotChecks.finish,
} satisfies DomainHandlers<'spotChecks'>;
