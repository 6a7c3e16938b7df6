import type { DomainHandlers } from '../router';
import * as policies from '../services/policies';
import * as batches from '../services/policy-batches';
import * as findings from '../services/policy-findings';
import * as sweep from '../services/policy-sweep';

export const policiesHandlers = {
  'policies.list': policies.list,
  'policies.get': policies.get,
  'policies.evaluate': policies.evaluate,
  'policies.saveDraft': policies.saveDraft,
  'policies.activate': policies.activate,
  'policies.sweepStart': sweep.sweepStart,
  'policies.sweeps': sweep.sweeps,
  'policies.findings': findings.findings,
  'policies.finding': findings.finding,
  'policies.recordOutreach': findings.recordOutreach,
  'policies.openApplication': findings.openApplication,
  'policies.proposeBatch': batches.proposeBatch,
  'policies.batch': batches.batch,
  'policies.decideBatch': batches.decideBatch,
} satisfies DomainHandlers<'policies'>;
