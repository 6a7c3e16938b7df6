/**
 * The chain of packages from one sender, checked by the receiver after the
 * signature and BEFORE anything is decrypted. Packages from a county are
 * numbered 1, 2, 3 … and each names the hash of the one before, so a replay,
 * a skipped package, a rewritten history (fork) or a package built on a
 * predecessor the receiver never accepted are all visible from the header.
 */
import { ExchangeError } from './errors';

/** What the receiver has accepted last from this sender (null: nothing yet). */
export interface ChainPosition {
  lastSequence: number;
  lastHash: string;
}

export interface ChainLink {
  senderCode: string;
  sequence: number;
  previousHash: string | null;
  packageHash: string;
}

export type ChainVerdict = { status: 'ok' } | { status: 'refused'; error: ExchangeError };

/**
 * `hashAt` (optional) answers the package hash the receiver accepted at an
 * older sequence, so that a different package with an old number is told
 * apart (FORK) from the same package again (REPLAY).
 */
export function checkChain(
  position: ChainPosition | null,
  link: ChainLink,
  hashAt?: (sequence: number) => string | undefined,
): ChainVerdict {
  const last = position?.lastSequence ?? 0;
  const facts = { sender: link.senderCode, sequence: link.sequence, lastSequence: last };
  const refuse = (code: ConstructorParameters<typeof ExchangeError>[0], detail: string): ChainVerdict => ({
    status: 'refused',
    error: new ExchangeError(code, detail, facts),
  });

  if (position && link.sequence <= last) {
    const known = link.sequence === last ? position.lastHash : hashAt?.(link.sequence);
    if (known !== undefined && known !== link.packageHash) {
      return refuse('FORK', `${link.senderCode} 的第 ${link.sequence} 号数据包已接收过另一个不同的版本，发送方的记录可能被回滚或篡改`);
    }
    const same = known === undefined ? '（已接收到更新的序号）' : '';
    return refuse('REPLAY', `${link.senderCode} 的第 ${link.sequence} 号数据包已经接收过${same}，本端已接收到第 ${last} 号`);
  }
  if (link.sequence > last + 1) {
    return refuse('GAP', `${link.senderCode} 的数据包应为第 ${last + 1} 号，收到的是第 ${link.sequence} 号，中间的数据包缺失`);
  }
  const expected = position ? position.lastHash : null;
  if (link.previousHash !== expected) {
    return refuse(
      'WRONG_PREVIOUS_HASH',
      expected === null
        ? `${link.senderCode} 的第 1 号数据包不应引用前一数据包`
        : `${link.senderCode} 的第 ${link.sequence} 号数据包所引用的前一数据包不是本端接收的第 ${last} 号`,
    );
  }
  return { status: 'ok' };
}
