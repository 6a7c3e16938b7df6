import type { DomainHandlers } from '../router';
import * as certifications from '../services/certifications';

export const certificationsHandlers = {
  'certifications.review': certifications.review,
  'certifications.suspend': certifications.suspend,
  'certifications.resume': certifications.resume,
  'certifications.exit': certifications.exit,
  'certifications.reviewsDue': certifications.reviewsDue,
} satisfies DomainHandlers<'certifications'>;
