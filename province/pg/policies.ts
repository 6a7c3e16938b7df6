/**
 * Policy catalogue versions issued by the province (政策下发): kept in the
 * province's database, carried to each county in its feed, reviewed and
 * activated there. The province checks a definition's shape and meaning with
 * the desk's own rules (validatePolicy) before issuing it; its stored test
 * cases are run again by the county before activation.
 */
import { asc, sql } from 'drizzle-orm';
import { validatePolicy, type PolicyDefinition } from '../../shared/domain/policies';
import type { IssuedPolicyVersion } from '../../shared/exchange/province-feed';
import { policyVersions } from './schema';
import type { PgReceiverStore } from './store';

/** A definition the province will not issue, or a version already issued; the message is the reason in Chinese. */
export class PolicyIssueError extends Error {
  readonly code = 'BAD_POLICY_VERSION';
}

/** Keeps one version for the counties named (null: every county); refuses a definition with problems or a version already issued. */
export async function issuePolicyVersion(
  store: PgReceiverStore,
  input: { definition: unknown; counties: string[] | null; now: Date },
): Promise<{ code: string; version: number }> {
  const problems = validatePolicy(input.definition);
  if (problems.length) throw new PolicyIssueError(`政策定义有误，不能下发：${problems.map((p) => p.message).join('；')}`);
  const definition = input.definition as PolicyDefinition;
  const bad = (input.counties ?? []).find((c) => !/^\d{6}$/.test(c));
  if (bad !== undefined) throw new PolicyIssueError(`下发对象 ${bad} 不是6位县级行政区划代码`);
  const kept = await store.db
    .insert(policyVersions)
    .values({ code: definition.code, version: definition.version, definition: definition as unknown as Record<string, unknown>, counties: input.counties, issuedAt: input.now })
    .onConflictDoNothing()
    .returning({ code: policyVersions.code });
  if (kept.length === 0) throw new PolicyIssueError(`政策 ${definition.code} 的第 ${definition.version} 版已经下发过，已下发的版本不能更改；请以新的版本号下发`);
  return { code: definition.code, version: definition.version };
}

/** Every version issued to `county` (to it by name, or to every county), oldest first. */
export async function issuedPoliciesFor(store: PgReceiverStore, county: string): Promise<IssuedPolicyVersion[]> {
  const rows = await store.db
    .select()
    .from(policyVersions)
    .where(sql`${policyVersions.counties} is null or ${policyVersions.counties} ? ${county}`)
    .orderBy(asc(policyVersions.code), asc(policyVersions.version));
  return rows.map((r) => ({ code: r.code, version: r.version, issuedAt: r.issuedAt.toISOString(), definition: r.definition }));
}
