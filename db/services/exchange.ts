import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { ExchangeExportResult, ExchangeKeyView, ExchangePackageView, ExchangeRejectedRecord, ExchangeSchedule, ExchangeStatus, JobView, ParsedInputOf } from '../../shared/contract';
import { nextScheduledRun } from '../../shared/domain/exchange-schedule';
import { actorUserId, type ServiceContext } from '../context';
import type { JobContext } from '../jobs';
import { AppError, fieldError } from '../errors';
import { deliverToOutbox } from '../exchange/deliver';
import { runExport, type ExportKeys } from '../exchange/export';
import { parsePublicKeyFile, publicKeyDocument, KeyFileError } from '../exchange/key-files';
import { formatFingerprint, generateSm2KeyPair, keyIdOf } from '../exchange/package-file';
import { applyReceipt, PROVINCE_CODE, rejectedRecords } from '../exchange/receipts';
import type { DrizzleDb } from '../open';
import { exchangeChanges, exchangeKeys, exchangePackages } from '../schema';
import { decodeSignedDocument } from '../../shared/exchange/signed-document';
import { optionalSetting, readSetting, writeSetting } from '../queries/settings';

const OUTBOX = 'exchange_outbox_dir';
const SCHEDULE = 'exchange_schedule';

type KeyRow = Pick<typeof exchangeKeys.$inferSelect, 'owner' | 'keyId' | 'publicKey' | 'privateKey' | 'createdAt' | 'retiredAt'>;

function setting(ctx: ServiceContext, key: string): string | null {
  return optionalSetting(ctx.database().db, key);
}

function keyRows(ctx: ServiceContext): KeyRow[] {
  const { owner, keyId, publicKey, privateKey, createdAt, retiredAt } = exchangeKeys;
  return ctx.database().db.select({ owner, keyId, publicKey, privateKey, createdAt, retiredAt }).from(exchangeKeys).orderBy(exchangeKeys.id).all();
}

function keyView(row: KeyRow, countyCode: string): ExchangeKeyView {
  return {
    owner: row.owner,
    code: row.owner === 'county' ? countyCode : PROVINCE_CODE,
    keyId: row.keyId,
    fingerprint: formatFingerprint(row.keyId),
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
  };
}

/** Retires the owner's current key (rotation keeps old keys for old packages and receipts); returns how many. */
function retireKeys(db: DrizzleDb, owner: KeyRow['owner'], at: string): number {
  return db.update(exchangeKeys).set({ retiredAt: at }).where(and(eq(exchangeKeys.owner, owner), isNull(exchangeKeys.retiredAt))).run().changes;
}

export function packagesDir(ctx: ServiceContext): string {
  return join(ctx.desk.dataDir, 'exchange', 'packages');
}

function schedule(ctx: ServiceContext): ExchangeSchedule {
  const value = setting(ctx, SCHEDULE);
  return value ? (JSON.parse(value) as ExchangeSchedule) : { kind: 'off' };
}

/** The keys an export signs and encrypts with, or the Chinese reason it cannot run. */
export function exportKeys(ctx: ServiceContext): ExportKeys | string {
  const countyCode = readSetting(ctx.database().db, 'county_code');
  const rows = keyRows(ctx).filter((k) => k.retiredAt === null);
  const county = rows.find((k) => k.owner === 'county');
  const province = rows.filter((k) => k.owner === 'province');
  if (!county?.privateKey) return '尚未生成本县交换密钥';
  if (province.length === 0) return '尚未导入省级公钥';
  return { county: { code: countyCode, keyId: county.keyId, privateKey: county.privateKey }, recipients: province.map((p) => ({ keyId: p.keyId, publicKey: p.publicKey })) };
}

export function history(ctx: ServiceContext, input: ParsedInputOf<'exchange.history'>): ExchangePackageView[] {
  const { sequence, fileName, createdAt, changeFrom, changeTo, counts, records, size, packageHash, status, accepted, rejected, receiptAt } = exchangePackages;
  return ctx
    .database()
    .db.select({ sequence, fileName, createdAt, changeFrom, changeTo, counts, records, size, packageHash, status, accepted, rejected, receiptAt })
    .from(exchangePackages)
    .orderBy(desc(exchangePackages.sequence))
    .limit(input.limit)
    .all()
    .map((row) => ({ ...row, counts: JSON.parse(row.counts) as Record<string, number> }));
}

export function status(ctx: ServiceContext): ExchangeStatus {
  const countyCode = readSetting(ctx.database().db, 'county_code');
  const last = history(ctx, { limit: 1 })[0] ?? null;
  const pending = ctx.database().db.select({ n: count() }).from(exchangeChanges).where(gt(exchangeChanges.seq, last?.changeTo ?? 0)).get()!.n;
  const keys = exportKeys(ctx);
  const outboxDir = setting(ctx, OUTBOX);
  const plan = schedule(ctx);
  return {
    countyCode,
    keys: keyRows(ctx).map((k) => keyView(k, countyCode)),
    outboxDir,
    schedule: plan,
    pendingChanges: pending,
    lastPackage: last,
    nextRunAt: nextScheduledRun(plan, ctx.now)?.toISOString() ?? null,
    blocker: typeof keys === 'string' ? keys : outboxDir ? null : '尚未设置发送目录',
  };
}

export function generateCountyKey(ctx: ServiceContext, input: ParsedInputOf<'exchange.generateCountyKey'>): ExchangeKeyView {
  const pair = generateSm2KeyPair();
  const at = ctx.now.toISOString();
  const { db } = ctx.database();
  const retired = retireKeys(db, 'county', at);
  const keyId = keyIdOf(pair.publicKey);
  db.insert(exchangeKeys).values({ owner: 'county', keyId, publicKey: pair.publicKey, privateKey: pair.privateKey, createdAt: at, createdBy: actorUserId(ctx) }).run();
  // The private key never enters the audit log; the fingerprint does.
  ctx.audit({ action: 'exchange.generateCountyKey', entityType: 'exchange_key', detail: { keyId, retiredPrevious: retired, reason: input.reason } });
  return keyView({ owner: 'county', keyId, publicKey: pair.publicKey, privateKey: null, createdAt: at, retiredAt: null }, readSetting(ctx.database().db, 'county_code'));
}

export function exportPublicKey(ctx: ServiceContext): { fileName: string; content: string } {
  const countyCode = readSetting(ctx.database().db, 'county_code');
  const county = keyRows(ctx).find((k) => k.owner === 'county' && k.retiredAt === null);
  if (!county) throw new AppError('CONFLICT', '尚未生成本县交换密钥，请先生成');
  const name = readSetting(ctx.database().db, 'county_name');
  return { fileName: `${countyCode}-county.pub`, content: publicKeyDocument({ code: countyCode, name, keyId: county.keyId, publicKey: county.publicKey, createdAt: county.createdAt }) };
}

export function importProvinceKey(ctx: ServiceContext, input: ParsedInputOf<'exchange.importProvinceKey'>): ExchangeKeyView {
  let parsed;
  try {
    const value = JSON.parse(input.content) as Record<string, unknown>;
    parsed = parsePublicKeyFile(value, '省级公钥');
  } catch (error) {
    throw fieldError('content', error instanceof KeyFileError ? error.message : '所选文件不是省级公钥文件（应为本系统的 JSON 公钥文件）', '公钥文件');
  }
  const { db } = ctx.database();
  const existing = db.select({ owner: exchangeKeys.owner, retiredAt: exchangeKeys.retiredAt }).from(exchangeKeys).where(eq(exchangeKeys.keyId, parsed.keyId)).get();
  if (existing?.owner === 'county') throw fieldError('content', '这是本县自己的公钥，不是省级公钥', '公钥文件');
  if (existing && existing.retiredAt === null) throw new AppError('CONFLICT', `该省级公钥已经导入（指纹 ${formatFingerprint(parsed.keyId)}）`);
  const at = ctx.now.toISOString();
  const retired = retireKeys(db, 'province', at);
  // A retired province key imported again is made current again, as it was first recorded.
  db.insert(exchangeKeys)
    .values({ owner: 'province', keyId: parsed.keyId, publicKey: parsed.publicKey, createdAt: at, createdBy: actorUserId(ctx) })
    .onConflictDoUpdate({ target: exchangeKeys.keyId, set: { retiredAt: null } })
    .run();
  ctx.audit({ action: 'exchange.importProvinceKey', entityType: 'exchange_key', detail: { keyId: parsed.keyId, fileName: input.fileName, retiredPrevious: retired } });
  return keyView({ owner: 'province', keyId: parsed.keyId, publicKey: parsed.publicKey, privateKey: null, createdAt: at, retiredAt: null }, '');
}

export function saveSettings(ctx: ServiceContext, input: ParsedInputOf<'exchange.saveSettings'>): ExchangeStatus {
  if (!isAbsolute(input.outboxDir)) throw fieldError('outboxDir', '发送目录应为完整路径（如 D:\\省级交换\\发送 或 /mnt/exchange/outbox）', '发送目录');
  const before = { outboxDir: setting(ctx, OUTBOX), schedule: schedule(ctx) };
  writeSetting(ctx.database().db, OUTBOX, input.outboxDir);
  writeSetting(ctx.database().db, SCHEDULE, JSON.stringify(input.schedule));
  ctx.audit({ action: 'exchange.saveSettings', entityType: 'settings', detail: { before, after: input } });
  return status(ctx);
}

/** "Export now" (and the scheduler): a background job with progress; the bookkeeping is one audited transaction. */
export function exportStart(ctx: ServiceContext, input: ParsedInputOf<'exchange.exportStart'>): JobView {
  const keys = exportKeys(ctx);
  if (typeof keys === 'string') throw new AppError('CONFLICT', `${keys}，不能导出`);
  const outboxDir = input.outboxDir ?? setting(ctx, OUTBOX);
  if (!outboxDir) throw new AppError('CONFLICT', '尚未设置发送目录，不能导出');
  if (!isAbsolute(outboxDir)) throw fieldError('outboxDir', '发送目录应为完整路径', '发送目录');
  ctx.audit({ action: 'exchange.exportStart', detail: { outboxDir } });
  // One export at a time ("export now" while the schedule fires): the second would find the first's spool and sequence half-made.
  return ctx.jobs.startTask(ctx, {
    kind: 'exchange.export',
    task: 'exchange.export',
    input: { outboxDir },
    lane: { name: 'exchange.export', busy: '已有一个导出正在进行，请等它完成后再试' },
  });
}

/** The export job, on the connection it runs on (its own thread's, or the desk's): keys, changes and bookkeeping read there. */
export async function exportTask(ctx: ServiceContext, input: { outboxDir: string }, job: JobContext): Promise<ExchangeExportResult> {
  job.progress({ phase: '准备', done: 0, total: 0 });
  const keys = exportKeys(ctx);
  if (typeof keys === 'string') throw new AppError('CONFLICT', `${keys}，不能导出`);
  const outcome = await runExport({
    sqlite: ctx.database().sqlite,
    keys,
    packagesDir: packagesDir(ctx),
    outboxDir: input.outboxDir,
    now: ctx.now,
    record: (work) =>
      ctx.later((tx) => {
        work();
        tx.audit({ action: 'exchange.export', entityType: 'exchange_package', detail: { outboxDir: input.outboxDir } });
      }),
    progress: (done, total) => job.progress({ phase: '加密打包', done, total }),
    checkpoint: () => job.checkpoint(),
    ...(job.sealThreadEntry ? { sealThreadEntry: job.sealThreadEntry } : {}),
  });
  job.progress({ phase: '完成', done: outcome.records, total: outcome.records });
  const { sequence, fileName, records, counts, size, recovered } = outcome;
  return { sequence, fileName, records, counts, size, recovered };
}

/** Copies a past package to the outbox again, byte for byte (temp file, fsync, rename). */
export function resend(ctx: ServiceContext, input: ParsedInputOf<'exchange.resend'>): { outboxPath: string; size: number } {
  const row = ctx.database().db.select({ fileName: exchangePackages.fileName }).from(exchangePackages).where(eq(exchangePackages.sequence, input.sequence)).get();
  if (!row) throw new AppError('NOT_FOUND', `没有序号为 ${input.sequence} 的数据包`);
  const outboxDir = setting(ctx, OUTBOX);
  if (!outboxDir) throw new AppError('CONFLICT', '尚未设置发送目录');
  const source = join(packagesDir(ctx), row.fileName);
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `本机保存的数据包文件 ${row.fileName} 不存在，无法重发`);
  const { path: target, size } = deliverToOutbox(source, outboxDir, row.fileName);
  ctx.audit({ action: 'exchange.resend', entityType: 'exchange_package', entityId: input.sequence, detail: { outboxPath: target, size } });
  return { outboxPath: target, size };
}

/** A receipt from the province: verified with the province's (current or retired) keys, then applied to the records' states. */
export function importReceipt(ctx: ServiceContext, input: ParsedInputOf<'exchange.importReceipt'>): { sequence: number; accepted: number; rejected: number } {
  const provinceKeys = keyRows(ctx)
    .filter((k) => k.owner === 'province')
    .map((k) => ({ code: PROVINCE_CODE, keyId: k.keyId, publicKey: k.publicKey }));
  let document;
  try {
    document = decodeSignedDocument(new Uint8Array(Buffer.from(input.base64, 'base64')), provinceKeys, 'receipt');
  } catch (error) {
    throw fieldError('base64', `回执验证失败：${error instanceof Error ? error.message : String(error)}`, '回执文件');
  }
  const outcome = applyReceipt(ctx.database().sqlite, readSetting(ctx.database().db, 'county_code'), document.content, ctx.now);
  ctx.audit({ action: 'exchange.importReceipt', entityType: 'exchange_package', entityId: outcome.sequence, detail: { fileName: input.fileName, ...outcome } });
  return outcome;
}

export function rejected(ctx: ServiceContext, input: ParsedInputOf<'exchange.rejected'>): ExchangeRejectedRecord[] {
  return rejectedRecords(ctx.database().sqlite, input.limit);
}
