import type { DomainHandlers } from '../router';
import * as catalogue from '../services/training-catalogue';
import * as claims from '../services/training-claims';
import * as classes from '../services/training-classes';
import * as rates from '../services/training-rates';

export const trainingHandlers = {
  'training.listProviders': catalogue.listProviders,
  'training.createProvider': catalogue.createProvider,
  'training.listProgrammes': catalogue.listProgrammes,
  'training.createProgramme': catalogue.createProgramme,
  'training.listClasses': catalogue.listClasses,
  'training.createClass': catalogue.createClass,
  'training.classDetail': classes.classDetail,
  'training.claimPreview': claims.claimPreview,
  'training.enrol': classes.enrol,
  'training.withdraw': classes.withdraw,
  'training.addSession': classes.addSession,
  'training.recordAttendance': classes.recordAttendance,
  'training.completeClass': classes.completeClass,
  'training.recordAssessment': classes.recordAssessment,
  'training.issueCertificate': classes.issueCertificate,
  'training.revokeCertificate': classes.revokeCertificate,
  'training.forPerson': classes.forPerson,
  'training.rates': rates.rates,
  'training.rateList': rates.rateList,
} satisfies DomainHandlers<'training'>;
