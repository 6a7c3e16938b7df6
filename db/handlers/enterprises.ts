import type { DomainHandlers } from '../router';
import * as enterpriseImport from '../services/enterprise-import';
import * as enterpriseReports from '../services/enterprise-reports';
import * as enterpriseSearch from '../services/enterprise-search';
import * as enterpriseVisits from '../services/enterprise-visits';
import * as enterprises from '../services/enterprises';

export const enterprisesHandlers = {
  'enterprises.register': enterprises.register,
  'enterprises.get': enterprises.get,
  'enterprises.search': enterpriseSearch.search,
  'enterprises.update': enterprises.update,
  'enterprises.corrections': enterprises.corrections,
  'enterprises.addContact': enterprises.addContact,
  'enterprises.setContactActive': enterprises.setContactActive,
  'enterprises.revealContact': enterprises.revealContact,
  'enterprises.recordHeadcount': enterprises.recordHeadcount,
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
} satisfies DomainHandlers<'enterprises'>;
