import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isHostLinkState, type HostLinkState } from '../shared/live';
import { HOST_LINK_CHANNEL, isLivePush, LIVE_CHANNEL, type LivePush } from './shell/live-channel';
import type { PairingForm } from '../shared/domain/office';
import { RPC_CHANNEL, WORKSTATION_CHANNEL } from './shell/security';

/**
 * The renderer's only doors: `window.bureau.call(method, input)` → a result
 * object, and `window.bureau.onChange(listener)` for the desk's change
 * announcements (a topic and a time), and on a workstation `onHostLink` for
 * the state of its link to the office host; `workstation` for the pairing
 * screen (its one channel). No generic channel is exposed (compare
 * Bruno's preload, which forwards any channel).
 */
contextBridge.exposeInMainWorld('bureau', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(RPC_CHANNEL, method, input),
  onChange: (listener: (event: LivePush) => void) => {
    const relay = (_event: IpcRendererEvent, payload: unknown) => {
      if (isLivePush(payload)) listener({ topic: payload.topic, at: payload.at });
    };
    ipcRenderer.on(LIVE_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(LIVE_CHANNEL, relay);
  },
  onHostLink: (listener: (state: HostLinkState) => void) => {
    const relay = (_event: IpcRendererEvent, payload: unknown) => {
      if (isHostLinkState(payload)) listener(payload);
    };
    ipcRenderer.on(HOST_LINK_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(HOST_LINK_CHANNEL, relay);
  },
  workstation: {
    readFingerprint: (host: string, port: string) => ipcRenderer.invoke(WORKSTATION_CHANNEL, { kind: 'readFingerprint', host, port }),
    pair: (form: PairingForm) => ipcRenderer.invoke(WORKSTATION_CHANNEL, { ...form, kind: 'pair' }),
  },
});
