import type { DomainHandlers } from '../router';
import * as contacts from '../services/contacts';

export const contactsHandlers = {
  'contacts.record': contacts.record,
  'contacts.listForPerson': contacts.listForPerson,
  'contacts.followUpsDue': contacts.followUpsDue,
} satisfies DomainHandlers<'contacts'>;
