import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../shared/contract';
import type { RpcResult } from '../shared/rpc';
import type { AuditInput } from './audit';
import type { ServiceContext } from './context';
import { AppError, storageFailureMessage } from './errors';
import { inputError } from './validation';
import { CONSOLE_LINES } from '../shared/labels/console-lines';

export type Handler<M extends MethodName> = (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** A method prefix (`cases`, `fairs`, …): the contract module, the handler list and the services are named after it. */
type PrefixOf<M> = M extends `${infer D}.${string}` ? D : never;
export type Domain = PrefixOf<MethodName>;
/** One domain's handler list: exactly its contract methods, so a missing or a foreign one fails the typecheck. */
export type DomainHandlers<D extends Domain> = { [M in Extract<MethodName, `${D}.${string}`>]: Handler<M> };


/**
 * `write`: BEGIN IMMEDIATE, the write lock held from the start (the audit
 * chain reads its end and appends). `read`: a deferred, read-only snapshot
 * that never waits for a writer on another connection (a job committing an
 * import) and cannot write by mistake.
 */
export type TransactionMode = 'read' | 'write';

export interface RouterHooks {
  /** Runs `work` in one transaction of `mode` when a database is open, else directly. */
  inTransaction<T>(work: () => T, mode: TransactionMode): T;
  /** Writes the audit entries collected during the call (inside the transaction). */
  flushAudit(entries: AuditInput[]): void;
  log(message: string, error: unknown): void;
  /** After a write's transaction committed: the desk announces the change to open windows (shared/live.ts). */
  committed?(methodName: MethodName): void;
}

/**
 * The only door to the backend: check the permission, parse input with the
 * contract's schema, run the service in one transaction with its audit entries,
 * and answer with a result — never a thrown error or a stack trace.
 */
export function dispatch(
  handlers: Handlers,
  hooks: RouterHooks,
  makeContext: (collect: (entry: AuditInput) => void) => ServiceContext,
  methodName: string,
  rawInput: unknown,
): RpcResult<unknown> {
  if (!isMethodName(methodName)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `不支持的操作：${String(methodName).slice(0, 80)}` } };
  }
  const spec = contract[methodName];
  const entries: AuditInput[] = [];
  const ctx = makeContext((entry) => entries.push(entry));
  // Permission before parsing: a caller without the right learns nothing about the method's input.
  const refusal = accessRefusal(methodName, ctx);
  if (refusal) return { ok: false, error: refusal.toRpcError() };
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: inputError(parsed.error, spec.labels).toRpcError() };

  const handler = handlers[methodName] as (ctx: ServiceContext, input: unknown) => unknown;
  const run = () => {
    const value = handler(ctx, parsed.data);
    if (spec.writes) {
      if (entries.length === 0) entries.push({ action: methodName });
      hooks.flushAudit(entries);
    }
    return value;
  };
  try {
    // Reads run in a transaction too: one consistent snapshot.
    const value = hooks.inTransaction(run, spec.writes ? 'write' : 'read');
    // What a read must audit (a profile viewed, a value revealed) is appended before the value leaves:
    // if the entry cannot be written, the caller gets an error, not the value.
    if (!spec.writes && entries.length > 0) hooks.inTransaction(() => hooks.flushAudit(entries), 'write');
    // Only now, after the commit: a window that refetches on the news must find the change.
    if (spec.writes) hooks.committed?.(methodName);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.commitFacts.length > 0) recordFacts(hooks, entries, error.commitFacts, methodName);
      return { ok: false, error: error.toRpcError() };
    }
    hooks.log(CONSOLE_LINES.methodFailed(methodName), error);
    return { ok: false, error: { code: 'INTERNAL', message: storageFailureMessage(error) ?? '系统内部错误，操作未完成，数据未改动。请重试或联系管理员。' } };
  }
}

/**
 * Some refusals are facts to keep (a wrong password counts toward the
 * lockout): after the rollback they are written in a transaction of their own,
 * with only their own audit entries.
 */
function recordFacts(hooks: RouterHooks, entries: AuditInput[], facts: Array<() => void>, methodName: string): void {
  entries.length = 0;
  try {
    hooks.inTransaction(() => {
      for (const fact of facts) fact();
      hooks.flushAudit(entries);
    }, 'write');
  } catch (inner) {
    hooks.log(CONSOLE_LINES.refusalNotRecorded(methodName), inner);
  }
}

/** Until a reset password is changed, the account may only change it (or leave). */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<MethodName> = new Set(['auth.changePassword', 'settings.get', 'system.info']);
/** A session locked after idling may only be unlocked (public methods such as logout stay open). */
const ALLOWED_WHILE_LOCKED: ReadonlySet<MethodName> = new Set(['auth.unlock']);

function accessRefusal(methodName: MethodName, ctx: ServiceContext): AppError | null {
  const access = contract[methodName].access;
  if (access === 'public') return null;
  if (!ctx.actor) return new AppError('UNAUTHENTICATED', '请先登录');
  if (ctx.actor.locked && !ALLOWED_WHILE_LOCKED.has(methodName)) {
    return new AppError('LOCKED', '长时间未操作，屏幕已锁定，请输入密码解锁');
  }
  if (ctx.actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(methodName)) {
    return new AppError('FORBIDDEN', '管理员已重置您的密码，请先修改密码');
  }
  if (access === 'session') return null;
  if (!ctx.actor.permissions.includes(access)) {
    return new AppError('FORBIDDEN', '当前账号没有执行此操作的权限');
  }
  return null;
}
