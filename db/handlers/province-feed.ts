import type { DomainHandlers } from '../router';
import * as provinceFeed from '../services/province-feed';

export const provinceFeedHandlers = {
  'provinceFeed.status': provinceFeed.status,
  'provinceFeed.import': provinceFeed.importFeed,
  'provinceFeed.personStanding': provinceFeed.personStanding,
} satisfies DomainHandlers<'provinceFeed'>;
