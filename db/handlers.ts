import type { Handlers } from './router';
import * as auth from './services/auth';
import * as persons from './services/persons';
import * as setup from './services/setup';
import * as system from './services/system';

/** Every contract method → its service function; a missing one fails the typecheck. */
export const handlers: Handlers = {
  'setup.status': setup.status,
  'setup.counties': setup.counties,
  'setup.initialize': setup.initialize,
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.session,
  'system.info': system.info,
  'divisions.townships': system.townships,
  'persons.register': persons.register,
  'persons.get': persons.get,
  'persons.search': persons.search,
  'persons.update': persons.update,
};
