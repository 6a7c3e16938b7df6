import type { DomainHandlers } from '../router';
import * as registrationView from '../services/registration-view';
import * as registrations from '../services/registrations';

export const registrationsHandlers = {
  'registrations.forPerson': registrationView.forPerson,
  'registrations.cancel': registrations.cancel,
  'registrations.noContactProposals': registrations.noContactProposals,
} satisfies DomainHandlers<'registrations'>;
