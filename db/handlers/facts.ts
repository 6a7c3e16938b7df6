import type { DomainHandlers } from '../router';
import * as factImport from '../services/fact-import';
import * as facts from '../services/facts';

export const factsHandlers = {
  'facts.importStart': factImport.importStart,
  'facts.importTemplate': factImport.importTemplate,
  'facts.imports': facts.imports,
  'facts.forPerson': facts.forPerson,
} satisfies DomainHandlers<'facts'>;
