import type { DomainHandlers } from '../router';
import * as starts from '../services/startups';
import * as loans from '../services/startup-loans';

export const startupsHandlers = {
  'startups.list': starts.list,
  'startups.get': starts.get,
  'startups.recordStart': starts.recordStart,
  'startups.linkSubsidyCase': starts.linkSubsidyCase,
  'startups.applyLoan': loans.applyLoan,
  'startups.addIncubation': loans.addIncubation,
} satisfies DomainHandlers<'startups'>;
