import type { DomainHandlers } from '../router';
import * as fairAttendances from '../services/fair-attendances';
import * as fairs from '../services/fairs';

export const fairsHandlers = {
  'fairs.create': fairs.create,
  'fairs.update': fairs.update,
  'fairs.setStatus': fairs.setStatus,
  'fairs.get': fairs.get,
  'fairs.list': fairs.list,
  'fairs.addEnterprise': fairs.addEnterprise,
  'fairs.updateParticipation': fairs.updateParticipation,
  'fairs.checkIn': fairAttendances.checkIn,
  'fairs.attendances': fairAttendances.attendances,
  'fairs.recordIntention': fairAttendances.recordIntention,
  'fairs.setIntentionOutcome': fairAttendances.setIntentionOutcome,
} satisfies DomainHandlers<'fairs'>;
