import type { Domain, DomainHandlers, Handlers } from '../router';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { backupsHandlers } from './backups';
import { calendarHandlers } from './calendar';
import { casesHandlers } from './cases';
import { certificationsHandlers } from './certifications';
import { codesHandlers } from './codes';
import { policiesHandlers } from './policies';
import { contactsHandlers } from './contacts';
import { divisionsHandlers } from './divisions';
import { enterprisesHandlers } from './enterprises';
import { exchangeHandlers } from './exchange';
import { factsHandlers } from './facts';
import { fairsHandlers } from './fairs';
import { guidanceHandlers } from './guidance';
import { jobsHandlers } from './jobs';
import { matchingHandlers } from './matching';
import { satisfactionHandlers } from './satisfaction';
import { officeHandlers } from './office';
import { paymentsHandlers } from './payments';
import { personsHandlers } from './persons';
import { provinceFeedHandlers } from './province-feed';
import { registrationsHandlers } from './registrations';
import { reportsHandlers } from './reports';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { spotChecksHandlers } from './spot-checks';
import { systemHandlers } from './system';
import { trainingHandlers } from './training';
import { usersHandlers } from './users';
import { vacanciesHandlers } from './vacancies';
import { welfarePostsHandlers } from './welfare-posts';
import { gigHandlers } from './gig';
import { startupsHandlers } from './startups';
import { stationsHandlers } from './stations';

/**
 * Each domain's handler list, once: a domain missing here, or a list missing or adding a
 * method of its prefix, fails the typecheck (db/router.ts, DomainHandlers).
 */
const byDomain = {
  setup: setupHandlers,
  auth: authHandlers,
  system: systemHandlers,
  divisions: divisionsHandlers,
  settings: settingsHandlers,
  users: usersHandlers,
  persons: personsHandlers,
  audit: auditHandlers,
  jobs: jobsHandlers,
  cases: casesHandlers,
  calendar: calendarHandlers,
  codes: codesHandlers,
  policies: policiesHandlers,
  contacts: contactsHandlers,
  guidance: guidanceHandlers,
  training: trainingHandlers,
  welfarePosts: welfarePostsHandlers,
  gig: gigHandlers,
  startups: startupsHandlers,
  stations: stationsHandlers,
  registrations: registrationsHandlers,
  certifications: certificationsHandlers,
  enterprises: enterprisesHandlers,
  vacancies: vacanciesHandlers,
  matching: matchingHandlers,
  satisfaction: satisfactionHandlers,
  exchange: exchangeHandlers,
  fairs: fairsHandlers,
  backups: backupsHandlers,
  reports: reportsHandlers,
  facts: factsHandlers,
  office: officeHandlers,
  payments: paymentsHandlers,
  spotChecks: spotChecksHandlers,
  provinceFeed: provinceFeedHandlers,
} satisfies { [D in Domain]: DomainHandlers<D> };

/** Every contract method → its service function. Each method has one prefix, so the lists join with no key twice. */
export const handlers: Handlers = Object.assign({}, ...Object.values(byDomain)) as Handlers;
