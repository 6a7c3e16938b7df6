import type { DomainHandlers } from '../router';
import * as provinceFeed from '../services/province-feed';
import * as provincePolicies from '../services/province-feed-policies';

export const provinceFeedHandlers = {
  'provinceFeed.status': provinceFeed.status,
  'provinceFeed.import': provinceFeed.importFeed,
  'provinceFeed.personStanding': provinceFeed.personStanding,
  'provinceFeed.policyVersions': provincePolicies.policyVersionsIssued,
  'provinceFeed.activatePolicy': provincePolicies.activatePolicy,
} satisfies DomainHandlers<'provinceFeed'>;
