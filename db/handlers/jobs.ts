import type { DomainHandlers } from '../router';
import * as jobs from '../services/jobs';

export const jobsHandlers = {
  'jobs.get': jobs.get,
  'jobs.cancel': jobs.cancel,
} satisfies DomainHandlers<'jobs'>;
