import { z } from 'zod';
import { validationMessage } from '../labels/validation-messages';
import type { MethodSpec } from './define';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupsContract } from './backups';
import { calendarContract } from './calendar';
import { caseAttachmentsContract } from './case-attachments';
import { casesContract } from './cases';
import { certificationsContract } from './certifications';
import { codesContract } from './codes';
import { contactsContract } from './contacts';
import { divisionsContract } from './divisions';
import { enterpriseReportsContract } from './enterprise-reports';
import { enterpriseVisitsContract } from './enterprise-visits';
import { enterprisesContract } from './enterprises';
import { exchangeContract } from './exchange';
import { factsContract } from './facts';
import { fairsContract } from './fairs';
import { guidanceContract } from './guidance';
import { guidanceEventsContract } from './guidance-events';
import { jobsContract } from './jobs';
import { matchingContract } from './matching';
import { satisfactionContract } from './satisfaction';
import { officeContract } from './office';
import { paymentsContract } from './payments';
import { personsContract } from './persons';
import { policiesContract } from './policies';
import { policyFindingsContract } from './policy-findings';
import { provinceFeedContract } from './province-feed';
import { registrationsContract } from './registrations';
import { reportsContract } from './reports';
import { settingsContract } from './settings';
import { setupContract } from './setup';
import { spotChecksContract } from './spot-checks';
import { systemContract } from './system';
import { trainingContract } from './training';
import { usersContract } from './users';
import { vacanciesContract } from './vacancies';
import { welfarePostsContract } from './welfare-posts';
import { gigContract } from './gig';
import { startupsContract } from './startups';
import { stationsContract } from './stations';

// Validation messages in Chinese for both sides of the boundary.
z.config({ localeError: validationMessage });

/** The one contract between the UI and the backend: method name → spec. */
export const contract = {
  ...setupContract,
  ...authContract,
  ...systemContract,
  ...divisionsContract,
  ...settingsContract,
  ...usersContract,
  ...personsContract,
  ...auditContract,
  ...jobsContract,
  ...casesContract,
  ...caseAttachmentsContract,
  ...calendarContract,
  ...codesContract,
  ...contactsContract,
  ...guidanceContract,
  ...guidanceEventsContract,
  ...trainingContract,
  ...welfarePostsContract,
  ...gigContract,
  ...startupsContract,
  ...stationsContract,
  ...registrationsContract,
  ...certificationsContract,
  ...enterprisesContract,
  ...enterpriseVisitsContract,
  ...enterpriseReportsContract,
  ...vacanciesContract,
  ...matchingContract,
  ...satisfactionContract,
  ...exchangeContract,
  ...fairsContract,
  ...backupsContract,
  ...reportsContract,
  ...policiesContract,
  ...policyFindingsContract,
  ...factsContract,
  ...officeContract,
  ...paymentsContract,
  ...spotChecksContract,
  ...provinceFeedContract,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { MethodSpec, Access } from './define';
export type * from './audit';
export type * from './auth';
export type * from './backups';
export type * from './calendar';
export type * from './case-attachments';
export type * from './case-views';
export type * from './cases';
export type * from './certifications';
export type * from './codes';
export type * from './contacts';
export type * from './policies';
export type * from './policy-findings';
export type * from './province-feed';
export type * from './divisions';
export type * from './enterprise-reports';
export type * from './enterprise-visits';
export type * from './enterprises';
export type * from './exchange';
export type * from './facts';
export type * from './fairs';
export type * from './guidance';
export type * from './guidance-events';
export type * from './import-fields';
export type * from './jobs';
export type * from './office';
export type * from './payments';
export type * from './spot-checks';
export type * from './persons';
export type * from './record-history';
export type * from './registrations';
export type * from './reports';
export type * from './settings';
export type * from './setup';
export type * from './system';
export type * from './training';
export type * from './users';
export type * from './vacancies';
export type * from './matching';
export type * from './satisfaction';
export type * from './welfare-posts';
export type * from './gig';
export type * from './startups';
export type * from './stations';
