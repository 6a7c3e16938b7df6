import type { Desk } from './desk';
import { loadOfficeCertificate, type OfficeCertificate } from './office-certificate';

export type OfficeHostSetup = { ok: true; certificate: OfficeCertificate; names: string[] } | { ok: false; message: string };

/**
 * What the office host's TLS port needs from the desk (`npm run host -- --office`,
 * or Electron switched to 办公室主机): office mode switched on — by this
 * service's operator, audited as the command line when it was off — and the
 * kept certificate. `names` are used only at the first switch-on; with
 * `switchOn` false (the app's window starting) a desk whose office mode is off
 * stays off.
 */
export function prepareOfficeHost(desk: Desk, names: string[], osUser: string, switchOn = true): OfficeHostSetup {
  const status = desk.callAsCommandLine(osUser, 'office.status', {});
  if (!status.ok) return { ok: false, message: status.error.message };
  let current = status.value as { enabled: boolean; names: string[] };
  if (!current.enabled && !switchOn) return { ok: false, message: '办公室模式未开启' };
  if (!current.enabled) {
    const on = desk.callAsCommandLine(osUser, 'office.switchOn', { names: current.names.length > 0 ? current.names : names });
    if (!on.ok) return { ok: false, message: [on.error.message, ...Object.values(on.error.fields ?? {})].join('：') };
    current = on.value as typeof current;
  }
  const certificate = loadOfficeCertificate(desk.dataDir);
  if (!certificate) return { ok: false, message: '办公室主机证书丢失，请在 系统管理 → 办公室模式 中重新开启' };
  return { ok: true, certificate, names: current.names };
}
