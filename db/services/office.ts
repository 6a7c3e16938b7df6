import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { OfficeStatusView, PairedWorkstationView, PairingCodeView, ParsedInputOf, WorkstationView } from '../../shared/contract';
import { formatFingerprint, formatPairingCode, normalizePairingCode, PAIRING_CODE_DIGITS, PAIRING_CODE_MINUTES } from '../../shared/domain/office';
import { actorUserId, type ServiceContext } from '../context';
import { AppError, fieldError } from '../errors';
import { ensureOfficeCertificate, loadOfficeCertificate } from '../office-certificate';
import type { DrizzleDb } from '../open';
import { optionalSetting, writeSetting } from '../queries/settings';
import { officePairingCodes, users, workstations } from '../schema';
import { recordClientFailure, refuseClientWhileThrottled } from './login-throttles';

/**
 * 办公室模式 on the host: switching it on (a certificate made once and kept),
 * one-time pairing codes, the workstations paired and their revocation. The
 * office host's door (db/office-door.ts) checks every workstation call against
 * what is kept here.
 */
const MODE_KEY = 'office_mode';
const NAMES_KEY = 'office_names';

export function officeModeOn(db: DrizzleDb): boolean {
  return optionalSetting(db, MODE_KEY) === 'on';
}

export function officeNames(db: DrizzleDb): string[] {
  return JSON.parse(optionalSetting(db, NAMES_KEY) ?? '[]') as string[];
}

/** Only SHA-256 of a credential or a code is kept: the database alone lets nobody pose as a workstation. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function status(ctx: ServiceContext): OfficeStatusView {
  const { db } = ctx.database();
  const certificate = loadOfficeCertificate(ctx.desk.dataDir);
  const active = db.select({ id: workstations.id }).from(workstations).where(isNull(workstations.revokedAt)).all().length;
  return {
    enabled: officeModeOn(db),
    names: officeNames(db),
    fingerprint: certificate ? formatFingerprint(certificate.fingerprint) : null,
    activeWorkstations: active,
  };
}

export function switchOn(ctx: ServiceContext, input: ParsedInputOf<'office.switchOn'>): OfficeStatusView {
  if (ctx.office) throw new AppError('FORBIDDEN', '办公室模式只能在办公室主机本机上开启或关闭');
  if (ctx.desk.isDemoOpen()) throw new AppError('CONFLICT', '演示县不能开启办公室模式，请先退出演示');
  const { db } = ctx.database();
  // Kept from the first switch-on: workstations paired earlier have pinned it, so it is never replaced here.
  const certificate = ensureOfficeCertificate(ctx.desk.dataDir, input.names, ctx.now);
  writeSetting(db, MODE_KEY, 'on');
  writeSetting(db, NAMES_KEY, JSON.stringify([...new Set(input.names)]));
  ctx.audit({ action: 'office.switchOn', detail: { names: input.names, fingerprint: certificate.fingerprint } });
  return status(ctx);
}

export function switchOff(ctx: ServiceContext): OfficeStatusView {
  if (ctx.office) throw new AppError('FORBIDDEN', '办公室模式只能在办公室主机本机上开启或关闭');
  writeSetting(ctx.database().db, MODE_KEY, 'off');
  ctx.audit({ action: 'office.switchOff' });
  return status(ctx);
}

export function issuePairingCode(ctx: ServiceContext): PairingCodeView {
  if (ctx.office) throw new AppError('FORBIDDEN', '配对码只能在办公室主机本机上生成');
  const { db } = ctx.database();
  if (!officeModeOn(db)) throw new AppError('CONFLICT', '请先开启办公室主机，再生成配对码');
  // Codes no one used are dropped once expired, so the table stays small.
  db.delete(officePairingCodes).where(and(lt(officePairingCodes.expiresAt, ctx.now.toISOString()), isNull(officePairingCodes.usedAt))).run();
  const digits = String(randomInt(0, 10 ** PAIRING_CODE_DIGITS)).padStart(PAIRING_CODE_DIGITS, '0');
  const expiresAt = new Date(ctx.now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
  db.insert(officePairingCodes).values({ codeHash: secretHash(digits), issuedAt: ctx.now.toISOString(), issuedBy: actorUserId(ctx), expiresAt }).run();
  // The audit records that a code was shown, never the code.
  ctx.audit({ action: 'office.issuePairingCode', detail: { expiresAt } });
  return { code: formatPairingCode(digits), expiresAt };
}

export function pair(ctx: ServiceContext, input: ParsedInputOf<'office.pair'>): PairedWorkstationView {
  if (!ctx.office) throw new AppError('FORBIDDEN', '工作站配对只能通过办公室主机的加密端口进行');
  refuseClientWhileThrottled(ctx, '配对');
  const { db } = ctx.database();
  const refuse = (message: string) => {
    throw new AppError('FORBIDDEN', message, { fields: { code: message }, commitFacts: [recordClientFailure(ctx, 'office.pairFailed')] });
  };
  const digits = normalizePairingCode(input.code);
  if (!digits) throw fieldError('code', `配对码应为 ${PAIRING_CODE_DIGITS} 位数字`, '配对码');
  const code = db.select().from(officePairingCodes).where(eq(officePairingCodes.codeHash, secretHash(digits))).get();
  if (!code) return refuse('配对码不正确，请核对办公室主机上显示的配对码');
  if (code.usedAt) return refuse('该配对码已使用过，每个配对码只能用一次，请在办公室主机上重新生成');
  if (code.expiresAt <= ctx.now.toISOString()) return refuse(`该配对码已过期（有效期 ${PAIRING_CODE_MINUTES} 分钟），请在办公室主机上重新生成`);
  const credential = randomBytes(32).toString('base64url');
  const pairedFrom = ctx.office.address;
  const row = db
    .insert(workstations)
    .values({ name: input.name, credentialHash: secretHash(credential), pairedAt: ctx.now.toISOString(), pairedFrom })
    .returning({ id: workstations.id })
    .get();
  db.update(officePairingCodes).set({ usedAt: ctx.now.toISOString(), usedByWorkstation: row.id }).where(eq(officePairingCodes.id, code.id)).run();
  ctx.audit({ action: 'office.pair', entityType: 'workstation', entityId: row.id, detail: { name: input.name, from: pairedFrom } });
  return { workstationId: row.id, name: input.name, credential };
}

export function listWorkstations(ctx: ServiceContext): WorkstationView[] {
  const { db } = ctx.database();
  const sessions = ctx.desk.workstationSessions?.() ?? new Map<number, number>();
  return db
    .select({ row: workstations, revokedByName: users.displayName })
    .from(workstations)
    .leftJoin(users, eq(users.id, workstations.revokedBy))
    .orderBy(workstations.id)
    .all()
    .map(({ row, revokedByName }) => ({
      id: row.id,
      name: row.name,
      pairedAt: row.pairedAt,
      pairedFrom: row.pairedFrom,
      lastSeenAt: row.lastSeenAt,
      revokedAt: row.revokedAt,
      revokedByName: row.revokedAt ? (revokedByName ?? '命令行') : null,
      sessions: sessions.get(row.id) ?? 0,
    }));
}

export function revoke(ctx: ServiceContext, input: ParsedInputOf<'office.revoke'>): null {
  const { db } = ctx.database();
  const row = db.select().from(workstations).where(eq(workstations.id, input.id)).get();
  if (!row) throw new AppError('NOT_FOUND', '未找到该工作站');
  if (row.revokedAt) throw new AppError('CONFLICT', `工作站「${row.name}」已于 ${row.revokedAt.slice(0, 10)} 撤销`);
  db.update(workstations).set({ revokedAt: ctx.now.toISOString(), revokedBy: actorUserId(ctx) }).where(eq(workstations.id, row.id)).run();
  // Refused at once: its next call fails at the door, and whoever is signed in there is signed out.
  ctx.desk.endWorkstationSessions?.(row.id);
  ctx.audit({ action: 'office.revoke', entityType: 'workstation', entityId: row.id, detail: { name: row.name, reason: input.reason } });
  return null;
}
