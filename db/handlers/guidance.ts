import type { DomainHandlers } from '../router';
import * as sessions from '../services/guidance';
import * as counselorDesk from '../services/guidance-desk';
import * as groupEvents from '../services/guidance-events';
import * as groups from '../services/guidance-groups';
import * as profiles from '../services/guidance-profile';
import * as followUps from '../services/guidance-follow-ups';
import * as referrals from '../services/guidance-referrals';

export const guidanceHandlers = {
  'guidance.recordSession': sessions.recordSession,
  'guidance.forPerson': sessions.forPerson,
  'guidance.updateSession': sessions.updateSession,
  'guidance.updatePlanItem': sessions.updatePlanItem,
  'guidance.refer': referrals.refer,
  'guidance.recordReferralOutcome': referrals.recordOutcome,
  'guidance.openSubsidyApplication': referrals.openSubsidyApplication,
  'guidance.scheduleFollowUp': followUps.schedule,
  'guidance.completeFollowUp': followUps.complete,
  'guidance.desk': counselorDesk.desk,
  'guidance.followUpsDue': followUps.due,
  'guidance.createEvent': groupEvents.createEvent,
  'guidance.events': groupEvents.events,
  'guidance.event': groupEvents.event,
  'guidance.eventCheckIn': groupEvents.checkIn,
  'guidance.profile': profiles.profile,
  'guidance.groupCharts': groups.groupCharts,
  'guidance.groupList': groups.groupList,
} satisfies DomainHandlers<'guidance'>;
