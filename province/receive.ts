/**
 * The province's receive pipeline, one package at a time, the same whatever
 * store the records go to: verify the signature and the sender's chain
 * before decrypting, check every payload digest, then apply the records in
 * ONE transaction of the store and answer with a signed receipt. A refused
 * package changes nothing: the transaction is undone on the first problem.
 */
import { checkChain } from '../shared/exchange/chain';
import { isExchangeError } from '../shared/exchange/errors';
import type { RecipientPrivateKey, SigningKey, VerifyingKey } from '../shared/exchange/keys';
import { openPackage } from '../shared/exchange/package-reader';
import { encodeSignedDocument } from '../shared/exchange/signed-document';
import { join } from 'node:path';
import { packageFileSource, publishFile } from './node-io';
import { recordProblem, type ReceivedLine } from './record-checks';
import type { ReceiptContent, ReceiptLine, ReceiverStore, RejectedLine } from './store';

export type { ReceiptContent, ReceiptLine } from './store';

export interface ReceiveOutcome {
  file: string;
  sequence: number | null;
  status: 'applied' | 'refused';
  accepted: number;
  rejected: number;
  code?: string;
  message?: string;
  receipt?: string;
}

export interface ProvinceKeys {
  province: SigningKey & RecipientPrivateKey;
  senders: VerifyingKey[];
}

/** Records handed to the store at once: one statement per batch keeps PostgreSQL's round trips down. */
const BATCH = 500;

function malformedLine(file: string): Error {
  return Object.assign(new Error(`文件 ${file} 中有一行不是 JSON`), { code: 'MALFORMED_PAYLOAD' });
}

/**
 * Receives one package into `store`. Throws nothing for a bad package: the
 * outcome says refused, with the refusal code and the Chinese reason.
 */
export async function receivePackage(store: ReceiverStore, path: string, keys: ProvinceKeys, receiptsDir: string | null, now: Date): Promise<ReceiveOutcome> {
  const file = path.split(/[\\/]/).pop()!;
  let sequence: number | null = null;
  try {
    const verified = (await openPackage(packageFileSource(path))).verify(keys.senders);
    const header = verified.header;
    const sender = header.sender.code;
    sequence = header.sequence;
    const position = await store.chainPosition(sender);
    const older = position && header.sequence < position.lastSequence ? await store.packageHashAt(sender, header.sequence) : undefined;
    const verdict = checkChain(position, verified.chainLink, (seq) => (seq === header.sequence ? older : undefined));
    if (verdict.status === 'refused') throw verdict.error;
    await verified.verifyPayloadDigests();
    const contents = verified.unlock(keys.province);

    return await store.transaction(async (writer) => {
      const lines: ReceiptLine[] = [];
      for (const entry of contents.files) {
        let accepted: ReceivedLine[] = [];
        let rejected: RejectedLine[] = [];
        const flush = async () => {
          if (rejected.length) await writer.rejectRecords(sender, header.sequence, rejected);
          if (accepted.length) await writer.applyRecords(sender, header.sequence, accepted);
          accepted = [];
          rejected = [];
        };
        for await (const batch of contents.lineBatches(entry.name)) {
          for (const text of batch) {
            let line: ReceivedLine;
            try {
              line = JSON.parse(text) as ReceivedLine;
            } catch {
              throw malformedLine(entry.name);
            }
            // PostgreSQL's jsonb holds no U+0000: refused here, the same in every store.
            const problem = text.includes('\\u0000') ? '记录含有空字符（U+0000）' : recordProblem(line, entry.name, header.changeRange);
            if (problem) {
              const r = { entity: String(line.entity), id: Number(line.id) || 0, changeSeq: Number(line.changeSeq) || 0, reason: problem };
              rejected.push(r);
              lines.push({ entity: r.entity, id: r.id, changeSeq: r.changeSeq, status: 'rejected', reason: problem });
            } else {
              accepted.push(line);
              lines.push({ entity: line.entity, id: line.id, changeSeq: line.changeSeq, status: 'accepted' });
            }
          }
          if (accepted.length + rejected.length >= BATCH) await flush();
        }
        await flush();
      }
      const accepted = lines.filter((l) => l.status === 'accepted').length;
      const rejected = lines.length - accepted;
      const content: ReceiptContent = { sender, sequence: header.sequence, packageHash: verified.packageHash, accepted, rejected, records: lines };
      await writer.finishPackage(
        { sender, sequence: header.sequence, packageHash: verified.packageHash, receivedAt: now, records: lines.length, accepted, rejected },
        position?.lastSequence ?? 0,
      );
      // After the position moved: a receiver that lost the race is refused as REPLAY there, before this.
      await writer.keepReceipt(content);
      let receipt: string | undefined;
      if (receiptsDir) {
        receipt = join(receiptsDir, `${file.replace(/\.jyx$/, '')}.receipt`);
        await publishFile(receipt, encodeSignedDocument({ kind: 'receipt', createdAt: now, content }, keys.province).bytes);
      }
      return { file, sequence: header.sequence, status: 'applied' as const, accepted, rejected, ...(receipt ? { receipt } : {}) };
    });
  } catch (error) {
    if (isExchangeError(error)) return { file, sequence, status: 'refused', accepted: 0, rejected: 0, code: error.code, message: error.message };
    const code = (error as { code?: string }).code ?? 'RECEIVE_FAILED';
    return { file, sequence, status: 'refused', accepted: 0, rejected: 0, code: typeof code === 'string' ? code : 'RECEIVE_FAILED', message: error instanceof Error ? error.message : String(error) };
  }
}
