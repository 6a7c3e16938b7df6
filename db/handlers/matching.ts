import type { DomainHandlers } from '../router';
import * as matching from '../services/matching';

export const matchingHandlers = {
  'matching.forPerson': matching.forPerson,
  'matching.forVacancy': matching.forVacancy,
} satisfies DomainHandlers<'matching'>;
