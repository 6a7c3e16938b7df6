import type { DomainHandlers } from '../router';
import * as auth from '../services/auth';

export const authHandlers = {
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.session,
  'auth.changePassword': auth.changePassword,
  'auth.unlock': auth.unlock,
} satisfies DomainHandlers<'auth'>;
