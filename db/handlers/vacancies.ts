import type { DomainHandlers } from '../router';
import * as vacancies from '../services/vacancies';
import * as vacancyImport from '../services/vacancy-import';

export const vacanciesHandlers = {
  'vacancies.create': vacancies.create,
  'vacancies.get': vacancies.get,
  'vacancies.update': vacancies.update,
  'vacancies.setStatus': vacancies.setStatus,
  'vacancies.search': vacancies.search,
  'vacancies.exportXlsx': vacancies.exportXlsx,
  'vacancies.importStart': vacancyImport.importStart,
  'vacancies.importTemplate': vacancyImport.importTemplate,
} satisfies DomainHandlers<'vacancies'>;
