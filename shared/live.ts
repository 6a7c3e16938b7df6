import { contract, type MethodName } from './contract';

/**
 * Live refresh: after a write commits (or a job that writes finishes), the
 * desk tells every open window WHAT KIND of thing changed — a topic and a
 * time, never an id, a name or an ID number — and each window refetches the
 * lists and counts it shows for that topic. The event says so little on
 * purpose: it travels to every session, whatever its role, and a window that
 * may see the data reads it again through the router, which checks.
 */
type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
export type LiveDomain = DomainOf<MethodName>;

/** The fair's door (check-in and intentions) changes every few seconds on a fair day: its own topic, so only the door list refetches. */
export type LiveTopic = LiveDomain | 'fairs.door';

export interface LiveEvent {
  topic: LiveTopic;
  /** When the change committed (UTC ISO). */
  at: string;
}

const DOMAINS: ReadonlySet<string> = new Set(Object.keys(contract).map((name) => name.split('.')[0]!));

/** Writes that change nothing another window shows: signing in and out, first run, the session's own lock. */
const SILENT: ReadonlySet<string> = new Set<LiveDomain>(['auth', 'setup', 'system', 'jobs']);

const DOOR_METHODS: ReadonlySet<string> = new Set<MethodName>(['fairs.checkIn', 'fairs.recordIntention', 'fairs.setIntentionOutcome']);

/**
 * The topic a committed write of `name` (a method, or a job's kind such as
 * `policies.sweep` or `persons.import`) announces; null for one that changes
 * nothing shown elsewhere. Decided here only, for the router and the jobs alike.
 */
export function liveTopicOf(name: string): LiveTopic | null {
  if (DOOR_METHODS.has(name)) return 'fairs.door';
  // An export (名单导出, 审计导出) is audited as a write but changes nothing anyone sees; a job's start
  // (导入, 比对) writes only its own record: its data is announced when the job has written it.
  if (/\.(export[A-Z]\w*|\w+Start)$/.test(name)) return null;
  const domain = name.split('.')[0] ?? '';
  if (!DOMAINS.has(domain) || SILENT.has(domain)) return null;
  return domain as LiveDomain;
}

/** Whether a write method announces a change (a read never does). */
export function announcesChange(method: MethodName): boolean {
  return contract[method].writes && liveTopicOf(method) !== null;
}

/** A received event, checked: anything else (another shape, extra fields) is dropped, so nothing but a topic and a time passes on. */
export function parseLiveEvent(value: unknown): LiveEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { topic, at, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof topic !== 'string' || typeof at !== 'string' || at.length > 40) return null;
  if (topic !== 'fairs.door' && (!DOMAINS.has(topic) || SILENT.has(topic))) return null;
  return { topic: topic as LiveTopic, at };
}

/** How often the host sends a keep-alive comment on an open event stream (and checks that the session still stands). */
export const LIVE_HEARTBEAT_MS = 15_000;

/**
 * A workstation's link to the office host as its event stream sees it
 * (electron/workstation-events.ts), pushed to the window for the 主机连接中断
 * banner: `open` (hearing), `connecting`, `unreachable` (the host cannot be
 * reached now), `refused` (the host answers but will not let this workstation
 * hear: revoked, unpaired, office mode off).
 */
export type HostLinkState = 'connecting' | 'open' | 'unreachable' | 'refused';

export function isHostLinkState(value: unknown): value is HostLinkState {
  return value === 'connecting' || value === 'open' || value === 'unreachable' || value === 'refused';
}
