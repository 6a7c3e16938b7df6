import type { DomainHandlers } from '../router';
import * as stations from '../services/stations';

export const stationsHandlers = {
  'stations.list': stations.list,
  'stations.mine': stations.mine,
  'stations.create': stations.create,
  'stations.update': stations.update,
  'stations.summary': stations.summary,
} satisfies DomainHandlers<'stations'>;
