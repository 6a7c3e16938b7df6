import type { DomainHandlers } from '../router';
import * as demands from '../services/gig-demands';
import * as dispatches from '../services/gig-dispatches';
import * as statistics from '../services/gig-statistics';
import * as workers from '../services/gig-workers';

export const gigHandlers = {
  'gig.workers': workers.workers,
  'gig.registerWorker': workers.registerWorker,
  'gig.updateWorker': workers.updateWorker,
  'gig.demands': demands.demands,
  'gig.postDemand': demands.postDemand,
  'gig.cancelDemand': demands.cancelDemand,
  'gig.matches': dispatches.matches,
  'gig.dispatch': dispatches.dispatch,
  'gig.complete': dispatches.complete,
  'gig.rate': dispatches.rate,
  'gig.statistics': statistics.statistics,
} satisfies DomainHandlers<'gig'>;
