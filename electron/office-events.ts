import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OfficeVia } from '../db/office-door';
import type { DeskCaller } from './desk-protocol';
import { refuse, streamChanges, type EventStreamOptions } from './host-events';

/**
 * `GET /events` on the office host's TLS port: the desk's change
 * announcements (a topic and a time, shared/live.ts) for a paired
 * workstation, which relays them to its window (electron/workstation-events.ts).
 *
 * The stream belongs to the workstation, not to one of its staff: it is let
 * in by the workstation's credential alone — the door that lets its calls in
 * (db/office-door.ts: office mode on, paired, not revoked), asked through
 * `sessionAlive(null, via)` — and asked again on every heartbeat and at once
 * on every change of office mode, so a revoked workstation's stream closes
 * when the administrator revokes it. The workstation's shell passes events
 * on only to a signed-in window (electron/shell/live-channel.ts), and an
 * event names no person, so nothing more is needed to hear one.
 */
export const OFFICE_EVENTS_REFUSED = '办公室主机拒绝了本工作站的实时刷新：本工作站未配对、已被撤销，或主机已关闭办公室模式';

export async function serveOfficeEvents(desk: DeskCaller, req: IncomingMessage, res: ServerResponse, via: OfficeVia, options: EventStreamOptions = {}): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, '请使用 GET 订阅');
  if (req.headers.origin !== undefined) return refuse(res, 403, '办公室主机只接受已配对工作站的订阅，不接受网页订阅');
  if (!via.credential) return refuse(res, 401, '本工作站尚未与办公室主机配对，请先用配对码配对');
  const { subscribe, sessionAlive } = desk;
  if (!subscribe || !sessionAlive) return refuse(res, 503, '此服务不提供实时刷新');
  const alive = () => Promise.resolve(sessionAlive.call(desk, null, via)).catch(() => false);
  if (!(await alive())) return refuse(res, 403, OFFICE_EVENTS_REFUSED);
  streamChanges(req, res, (listener) => subscribe.call(desk, listener), alive, options);
}
