import { hostAddressProblems, pairingProblems, type FormProblems, type PairingForm, type WorkstationSetupReply } from '../../shared/domain/office';
import type { DeskStateView } from '../desk-protocol';
import { loadWorkstationConfig, pairWorkstation, readHostFingerprint, saveWorkstationConfig, type WorkstationConfig } from '../workstation-pairing';

/**
 * The pairing screen's door in the Electron shell (办公室模式 → 工作站): the
 * window asks, over one channel of its own, for the fingerprint the host at an
 * address shows (to compare aloud with the host's screen), then to pair with
 * the fingerprint, the one-time code and a name. The work is the command
 * line's (electron/workstation-pairing.ts); this only checks what the window
 * sent and that this installation may still become a workstation — it has no
 * county database of its own and is not paired yet — and hands the saved
 * pairing to the shell, which then talks to the host instead of its own desk.
 * Free of `electron` imports, so it is tested as it is.
 */
export { WORKSTATION_CHANNEL } from './security';
export type { WorkstationSetupReply };

export type WorkstationSetupRequest =
  | { kind: 'readFingerprint'; host: string; port: string }
  | ({ kind: 'pair' } & PairingForm);

export interface WorkstationSetupDeps {
  /** Electron's userData folder: where workstation.json is kept. */
  dataDir: string;
  /** The local desk's state: only an installation without a database ('uninitialized') may become a workstation. */
  deskState(): Promise<DeskStateView>;
  /** Called once the pairing is saved: the shell switches to the host and reloads the window. */
  paired(config: WorkstationConfig): void;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function badInput(problems: FormProblems<PairingForm>): WorkstationSetupReply {
  const fields = Object.fromEntries(Object.entries(problems).filter(([, m]) => m)) as Record<string, string>;
  return { ok: false, error: { code: 'BAD_INPUT', message: Object.values(fields)[0] ?? '填写有误', fields } };
}

async function refusal(deps: WorkstationSetupDeps): Promise<string | null> {
  if (loadWorkstationConfig(deps.dataDir)) return '本机已与办公室主机配对；如需重新配对，请先执行 workstation unpair';
  const { state } = await deps.deskState();
  if (state !== 'uninitialized') return '本机已有自己的数据库，不能再作为工作站配对。如确需改作工作站，请联系系统管理员。';
  return null;
}

export async function handleWorkstationSetup(request: unknown, deps: WorkstationSetupDeps): Promise<WorkstationSetupReply> {
  const body = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const form: PairingForm = { host: text(body.host).trim(), port: text(body.port).trim(), fingerprint: text(body.fingerprint), code: text(body.code), name: text(body.name).trim() };
  const refused = await refusal(deps);
  if (refused) return { ok: false, error: { code: 'FORBIDDEN', message: refused } };
  if (body.kind === 'readFingerprint') {
    const problems = hostAddressProblems(form);
    if (Object.keys(problems).length > 0) return badInput(problems);
    const seen = await readHostFingerprint(form.host, Number(form.port));
    return seen.ok ? { ok: true, fingerprint: seen.fingerprint } : seen;
  }
  if (body.kind !== 'pair') return { ok: false, error: { code: 'BAD_INPUT', message: '未知的请求' } };
  const problems = pairingProblems(form);
  if (Object.keys(problems).length > 0) return badInput(problems);
  const paired = await pairWorkstation({ host: form.host, port: Number(form.port), fingerprint: form.fingerprint, code: form.code, name: form.name });
  if (!paired.ok) return paired;
  saveWorkstationConfig(deps.dataDir, paired.config);
  deps.paired(paired.config);
  return { ok: true, paired: { name: paired.config.name, host: paired.config.host, port: paired.config.port } };
}
