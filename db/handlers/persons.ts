import type { DomainHandlers } from '../router';
import * as personImport from '../services/person-import';
import * as personLinks from '../services/person-links';
import * as personSearch from '../services/person-search';
import * as persons from '../services/persons';

export const personsHandlers = {
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
  'persons.importStart': personImport.importStart,
  'persons.importTemplate': personImport.importTemplate,
} satisfies DomainHandlers<'persons'>;
