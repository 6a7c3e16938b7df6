import type { MethodName } from '../../shared/contract';
import type { LiveTopic } from '../../shared/live';

/**
 * Which cached answers a change announcement makes stale (renderer/api/live.ts
 * refetches them). Query keys start with the method they call
 * (`['cases.list', scope]`), so a topic names the methods whose answers may
 * have changed.
 */

/** What else a change of each topic can show up in, besides its own domain's lists. */
const ALSO: Partial<Record<LiveTopic, readonly string[]>> = {
  persons: ['registrations', 'contacts', 'guidance', 'facts', 'policies'],
  // An approved 就业登记 moves the 就业培训上岗率.
  cases: ['registrations', 'certifications', 'persons', 'enterprises', 'policies', 'training', 'startups', 'stations'],
  registrations: ['cases', 'certifications', 'persons'],
  // A withdrawn certification ends a 公益性岗位 placement at the next daily check.
  certifications: ['cases', 'registrations', 'persons', 'welfarePosts'],
  contacts: ['persons'],
  // Sessions and referral outcomes show on the person's and the employer's timelines.
  guidance: ['persons', 'enterprises', 'training'],
  // Enrolments and certificates show on the person's timeline.
  training: ['persons'],
  // Dispatches and their completion show on the person's timeline.
  gig: ['persons'],
  // Business starts, loans and incubation show on the founder's and the enterprise's timelines.
  startups: ['persons', 'enterprises'],
  // An account put at a station changes the station lists and the breakdown.
  users: ['stations'],
  enterprises: ['vacancies', 'fairs'],
  vacancies: ['enterprises', 'fairs'],
  policies: ['cases', 'facts', 'persons'],
  facts: ['policies', 'persons'],
  calendar: ['cases'],
};

/** The door list changes every few seconds on a fair day: only it and the fair's own counts refetch. */
const DOOR: readonly string[] = ['fairs.attendances', 'fairs.get'];

/** The counts on the 工作台 and the 待办 queue follow every change of cases and records. */
const COUNTS: readonly string[] = ['reports.dashboard', 'reports.caseQueue', 'reports.casesByStaff'];

/**
 * Reads that write an audit entry (a profile viewed, a value revealed, a file
 * opened) are never refetched by an announcement: the log must name what a
 * person looked at, not what a colleague's save made the screen reload. Such
 * a page shows the record as read; a stale save there meets the conflict dialog.
 */
const AUDITED_READS: ReadonlySet<string> = new Set<MethodName>(['persons.get', 'persons.reveal', 'enterprises.revealContact', 'cases.readAttachment', 'audit.personAccessReport']);

const within = (method: string, scope: string) => method === scope || method.startsWith(`${scope}.`);

/** The method prefixes a change of `topic` refreshes. */
export function scopesOf(topic: LiveTopic): readonly string[] {
  if (topic === 'fairs.door') return DOOR;
  return [topic, ...(ALSO[topic] ?? []), ...COUNTS];
}

/** Whether a cached query (keyed by its method) shows something a change of one of `topics` may have altered. */
export function refreshes(queryKey: readonly unknown[], topics: Iterable<LiveTopic> | 'all'): boolean {
  const method = queryKey[0];
  if (typeof method !== 'string' || AUDITED_READS.has(method)) return false;
  if (method === 'auth.session' || method === 'setup.status') return false;
  if (topics === 'all') return true;
  for (const topic of topics) if (scopesOf(topic).some((scope) => within(method, scope))) return true;
  return false;
}
