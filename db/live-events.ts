import { liveTopicOf, type LiveEvent } from '../shared/live';

export type LiveListener = (event: LiveEvent) => void;

/**
 * The desk's change announcements (shared/live.ts): the router reports each
 * committed write, the job runner each finished job, and every subscriber —
 * the desk thread's port, a test — hears a topic and a time. A listener that
 * throws is dropped from nothing and stops nothing: the write has committed.
 */
export class LiveEvents {
  private readonly listeners = new Set<LiveListener>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces that `name` (a write method or a job's kind) committed, when it changes anything shown elsewhere. */
  committed(name: string): void {
    const topic = liveTopicOf(name);
    if (!topic || this.listeners.size === 0) return;
    const event: LiveEvent = { topic, at: this.clock().toISOString() };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure is its own; the others still hear.
      }
    }
  }
}
