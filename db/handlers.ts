import type { Handlers } from './router';
import * as auditLog from './services/audit-log';
import * as auth from './services/auth';
import * as calendar from './services/calendar';
import * as casesService from './services/cases';
import * as jobs from './services/jobs';
import * as personImport from './services/person-import';
import * as personLinks from './services/person-links';
import * as personSearch from './services/person-search';
import * as persons from './services/persons';
import * as settings from './services/settings';
import * as setup from './services/setup';
import * as system from './services/system';
import * as users from './services/users';

/** Every contract method → its service function; a missing one fails the typecheck. */
export const handlers: Handlers = {
  'setup.status': setup.status,
  'setup.counties': setup.counties,
  'setup.initialize': setup.initialize,
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.session,
  'auth.changePassword': users.changePassword,
  'auth.unlock': users.unlock,
  'system.info': system.info,
  'divisions.townships': system.townships,
  'divisions.villages': system.villages,
  'settings.get': settings.get,
  'settings.update': settings.update,
  'users.list': users.list,
  'users.create': users.create,
  'users.setRoles': users.setRoles,
  'users.setDisabled': users.setDisabled,
  'users.resetPassword': users.resetPassword,
  'persons.register': persons.register,
  'persons.get': persons.get,
  'persons.search': personSearch.search,
  'persons.exportXlsx': personSearch.exportXlsx,
  'persons.corrections': persons.corrections,
  'persons.addQualification': persons.addQualification,
  'persons.timeline': personLinks.timeline,
  'persons.merge': personLinks.merge,
  'persons.reveal': persons.reveal,
  'persons.update': persons.update,
  'audit.list': auditLog.list,
  'audit.exportXlsx': auditLog.exportXlsx,
  'audit.verify': auditLog.verify,
  'audit.personAccessReport': auditLog.personAccessReport,
  'audit.recordPrint': auditLog.recordPrint,
  'jobs.get': jobs.get,
  'jobs.cancel': jobs.cancel,
  'persons.importStart': personImport.importStart,
  'persons.importTemplate': personImport.importTemplate,
  'cases.create': casesService.create,
  'cases.update': casesService.update,
  'cases.transition': casesService.transition,
  'cases.get': casesService.get,
  'cases.list': casesService.list,
  'calendar.list': calendar.list,
  'calendar.set': calendar.set,
};
