import type { DomainHandlers } from '../router';
import * as setup from '../services/setup';

export const setupHandlers = {
  'setup.status': setup.status,
  'setup.counties': setup.counties,
  'setup.initialize': setup.initialize,
  'setup.openDemo': setup.openDemo,
  'setup.demoJob': setup.demoJob,
  'setup.leaveDemo': setup.leaveDemo,
} satisfies DomainHandlers<'setup'>;
