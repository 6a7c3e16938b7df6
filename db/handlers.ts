import type { Handlers } from './router';
import * as auditLog from './services/audit';
import * as auth from './services/auth';
import * as backups from './services/backups';
import * as aftercare from './services/registration-view';
import * as calendar from './services/calendar';
import * as certifications from './services/certifications';
import * as contacts from './services/contacts';
import * as divisions from './services/divisions';
import * as enterpriseImport from './services/enterprise-import';
import * as enterpriseReports from './services/enterprise-reports';
import * as enterpriseSearch from './services/enterprise-search';
import * as enterpriseVisits from './services/enterprise-visits';
import * as enterprisesService from './services/enterprises';
import * as caseAttachments from './services/case-attachments';
import * as casesService from './services/cases';
import * as codeTables from './services/codes';
import * as dashboard from './services/report-dashboard';
import * as exchange from './services/exchange';
import * as fairAttendances from './services/fair-attendances';
import * as fairsService from './services/fairs';
import * as jobs from './services/jobs';
import * as personImport from './services/person-import';
import * as personLinks from './services/person-links';
import * as personSearch from './services/person-search';
import * as reports from './services/reports';
import * as statisticsFigures from './services/report-figures';
import * as persons from './services/persons';
import * as registrations from './services/registrations';
import * as settings from './services/settings';
import * as setup from './services/setup';
import * as system from './services/system';
import * as users from './services/users';
import * as vacancyImport from './services/vacancy-import';
import * as vacanciesService from './services/vacancies';

/** Every contract method → its service function; a missing one fails the typecheck. */
export const handlers: Handlers = {
  'setup.status': setup.status,
  'setup.counties': setup.counties,
  'setup.initialize': setup.initialize,
  'setup.openDemo': setup.openDemo,
  'setup.demoJob': setup.demoJob,
  'setup.leaveDemo': setup.leaveDemo,
  'auth.login': auth.login,
  'auth.logout': auth.logout,
  'auth.session': auth.session,
  'auth.changePassword': auth.changePassword,
  'auth.unlock': auth.unlock,
  'system.info': system.info,
  'divisions.townships': divisions.townships,
  'divisions.villages': divisions.villages,
  'settings.get': settings.get,
  'settings.update': settings.update,
  'users.list': users.list,
  'users.create': users.create,
  'users.setRoles': users.setRoles,
  'users.setDisabled': users.setDisabled,
  'users.liftLoginLimits': users.liftLoginLimits,
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
  'cases.attach': caseAttachments.attach,
  'cases.removeAttachment': caseAttachments.removeAttachment,
  'cases.readAttachment': caseAttachments.readAttachment,
  'codes.list': codeTables.list,
  'codes.save': codeTables.save,
  'contacts.record': contacts.record,
  'contacts.listForPerson': contacts.listForPerson,
  'contacts.followUpsDue': contacts.followUpsDue,
  'registrations.forPerson': aftercare.forPerson,
  'registrations.cancel': registrations.cancel,
  'registrations.noContactProposals': registrations.noContactProposals,
  'certifications.review': certifications.review,
  'certifications.suspend': certifications.suspend,
  'certifications.resume': certifications.resume,
  'certifications.exit': certifications.exit,
  'certifications.reviewsDue': certifications.reviewsDue,
  'calendar.list': calendar.list,
  'calendar.set': calendar.set,
  'enterprises.register': enterprisesService.register,
  'enterprises.get': enterprisesService.get,
  'enterprises.search': enterpriseSearch.search,
  'enterprises.update': enterprisesService.update,
  'enterprises.corrections': enterprisesService.corrections,
  'enterprises.addContact': enterprisesService.addContact,
  'enterprises.setContactActive': enterprisesService.setContactActive,
  'enterprises.revealContact': enterprisesService.revealContact,
  'enterprises.recordHeadcount': enterprisesService.recordHeadcount,
  'enterprises.timeline': enterpriseReports.timeline,
  'enterprises.recordVisit': enterpriseVisits.recordVisit,
  'enterprises.getVisit': enterpriseVisits.getVisit,
  'enterprises.cancelVisit': enterpriseVisits.cancelVisit,
  'enterprises.visits': enterpriseVisits.visits,
  'enterprises.tasks': enterpriseVisits.tasks,
  'enterprises.closeTask': enterpriseVisits.closeTask,
  'enterprises.difficultyTypes': enterpriseVisits.difficultyTypeList,
  'enterprises.setDifficultyType': enterpriseVisits.setDifficultyType,
  'enterprises.staff': enterpriseVisits.staff,
  'enterprises.notVisited': enterpriseReports.notVisited,
  'enterprises.visitsByStaff': enterpriseReports.visitsByStaff,
  'enterprises.hiringDemand': enterpriseReports.hiringDemand,
  'enterprises.difficultyTally': enterpriseReports.difficultyTally,
  'enterprises.importStart': enterpriseImport.importStart,
  'enterprises.importTemplate': enterpriseImport.importTemplate,
  'vacancies.create': vacanciesService.create,
  'vacancies.get': vacanciesService.get,
  'vacancies.update': vacanciesService.update,
  'vacancies.setStatus': vacanciesService.setStatus,
  'vacancies.search': vacanciesService.search,
  'vacancies.exportXlsx': vacanciesService.exportXlsx,
  'vacancies.importStart': vacancyImport.importStart,
  'vacancies.importTemplate': vacancyImport.importTemplate,
  'exchange.status': exchange.status,
  'exchange.generateCountyKey': exchange.generateCountyKey,
  'exchange.exportPublicKey': exchange.exportPublicKey,
  'exchange.importProvinceKey': exchange.importProvinceKey,
  'exchange.saveSettings': exchange.saveSettings,
  'exchange.exportStart': exchange.exportStart,
  'exchange.history': exchange.history,
  'exchange.resend': exchange.resend,
  'exchange.importReceipt': exchange.importReceipt,
  'exchange.rejected': exchange.rejected,
  'fairs.create': fairsService.create,
  'fairs.update': fairsService.update,
  'fairs.setStatus': fairsService.setStatus,
  'fairs.get': fairsService.get,
  'fairs.list': fairsService.list,
  'fairs.addEnterprise': fairsService.addEnterprise,
  'fairs.updateParticipation': fairsService.updateParticipation,
  'fairs.checkIn': fairAttendances.checkIn,
  'fairs.attendances': fairAttendances.attendances,
  'fairs.recordIntention': fairAttendances.recordIntention,
  'fairs.setIntentionOutcome': fairAttendances.setIntentionOutcome,
  'backups.start': backups.start,
  'backups.list': backups.list,
  'backups.verify': backups.verify,
  'reports.monthly': reports.monthly,
  'reports.namedList': reports.namedList,
  'reports.exportNamedList': reports.exportNamedList,
  'reports.externalFigures': statisticsFigures.getExternalFigures,
  'reports.saveExternalFigures': statisticsFigures.saveExternalFigures,
  'reports.dashboard': dashboard.dashboard,
  'reports.mattersByStaff': dashboard.mattersByStaff,
  'reports.matterQueue': dashboard.matterQueue,
};
