import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { parseLiveEvent, type LiveTopic } from '../../shared/live';
import { refreshes } from './live-scopes';

/**
 * Live refresh: the desk announces each committed change as a topic
 * (shared/live.ts) — over the preload's push channel under Electron, as
 * server-sent events from `GET /events` under the host — and this window
 * refetches the lists and counts on screen that the topic touches. Query keys
 * start with the method they call (`['cases.list', scope]`), so a topic names
 * the methods whose answers may have changed.
 */

export type StreamState = 'connecting' | 'open' | 'off';

/**
 * Opens the announcements of this window: the preload's channel under
 * Electron, else `GET /events`. `onReopen` runs when a broken stream is back
 * (whatever changed meanwhile was not heard).
 */
function openStream(onTopic: (topic: LiveTopic) => void, onState: (state: StreamState, reopened: boolean) => void): () => void {
  const hear = (raw: unknown) => {
    const event = parseLiveEvent(raw);
    if (event) onTopic(event.topic);
  };
  if (window.bureau?.onChange) {
    onState('open', false);
    const stop = window.bureau.onChange(hear);
    // On a workstation the shell's stream to the office host may break; whatever changed meanwhile was not heard.
    let broken = false;
    const stopLink = window.bureau.onHostLink?.((state) => {
      if (state === 'unreachable') broken = true;
      else if (state === 'open' && broken) {
        broken = false;
        onState('open', true);
      }
    });
    return () => {
      stop();
      stopLink?.();
    };
  }
  if (typeof EventSource === 'undefined') {
    onState('off', false);
    return () => undefined;
  }
  const source = new EventSource('events');
  let broken = false;
  source.addEventListener('ready', () => {
    onState('open', broken);
    broken = false;
  });
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      hear(JSON.parse(message.data));
    } catch {
      // Not an announcement: ignored.
    }
  };
  source.onerror = () => {
    broken = true;
    // CLOSED: the host refused (signed out, or not this page's origin); the browser will not retry.
    onState(source.readyState === EventSource.CLOSED ? 'off' : 'connecting', false);
  };
  return () => source.close();
}

/** Announcements arriving close together are answered with one refetch. */
const GATHER_MS = 300;

/**
 * Mounted once while someone is signed in. Paused while the screen is
 * idle-locked: a locked screen makes no calls, so the backend's idle lock
 * still comes, and on unlock what changed meanwhile is refetched.
 * `<html data-live="open|connecting|off">` is the readiness signal tests wait on.
 */
export function useLiveRefresh(locked: boolean): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const pending = useRef<Set<LiveTopic> | 'all'>(new Set());
  const lockedRef = useRef(locked);
  const flushRef = useRef<() => void>(() => undefined);

  flushRef.current = () => {
    const topics = pending.current;
    if (lockedRef.current || (topics !== 'all' && topics.size === 0)) return;
    pending.current = new Set();
    void queryClient.invalidateQueries({ predicate: (query: Query) => refreshes(query.queryKey, topics) });
  };

  useEffect(() => {
    lockedRef.current = locked;
    if (!locked) flushRef.current();
  }, [locked]);

  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      if (timer === undefined) timer = window.setTimeout(() => {
        timer = undefined;
        flushRef.current();
      }, GATHER_MS);
    };
    const close = openStream(
      (topic) => {
        if (pending.current !== 'all') pending.current.add(topic);
        schedule();
      },
      (state, reopened) => {
        document.documentElement.dataset.live = state;
        setState(state);
        if (reopened) {
          pending.current = 'all';
          schedule();
        }
      },
    );
    return () => {
      window.clearTimeout(timer);
      close();
      document.documentElement.dataset.live = 'off';
    };
  }, []);
  return state;
}
