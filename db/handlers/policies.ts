import type { DomainHandlers } from '../router';
import * as policies from '../services/policies';

export const policiesHandlers = {
  'policies.list': policies.list,
  'policies.get': policies.get,
  'policies.evaluate': policies.evaluate,
  'policies.saveDraft': policies.saveDraft,
  'policies.activate': policies.activate,
} satisfies DomainHandlers<'policies'>;
