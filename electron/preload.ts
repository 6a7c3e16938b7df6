import { contextBridge, ipcRenderer } from 'electron';
import { RPC_CHANNEL } from './shell/security';

/**
 * The renderer's only door: `window.bureau.call(method, input)` → a result
 * object. No generic channel is exposed (compare Bruno's preload, which
 * forwards any channel).
 */
contextBridge.exposeInMainWorld('bureau', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(RPC_CHANNEL, method, input),
});
