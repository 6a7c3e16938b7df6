/**
 * Chunk framing of one file's payload, both directions, without I/O.
 *
 * The plaintext is cut into 64 KiB chunks; each is sealed with SM4-GCM under
 * the file key, IV = chunk index ‖ last flag, AAD = package context ‖ file name,
 * and stored as ciphertext ‖ tag. Because the index is in the IV, a swapped,
 * duplicated or dropped chunk fails its tag; because the last flag is, a file
 * cut at a chunk boundary is caught even without the signed length. A running
 * SM3 over the stored bytes gives the digest the header commits to.
 */
import { ExchangeError } from './errors';
import { CHUNK_SIZE, chunkCountOf, chunkIv, plainLengthOfChunk } from './format';
import { GCM_TAG_LENGTH, sm4GcmDecrypt, sm4GcmEncrypt } from './sm';
import { toHex } from './bytes';
import { Sm3 } from './sm3-stream';

/** An incremental SM3: this library's own, or a native one where the platform has it (same digests). */
export interface IncrementalSm3 {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}
export type Sm3Factory = () => IncrementalSm3;
const ownSm3: Sm3Factory = () => new Sm3();

const NEWLINE = 0x0a;
const encoder = new TextEncoder();

/** Receives each sealed chunk in order; the bytes are not reused by the sealer. */
export type ChunkSink = (ciphertext: Uint8Array, tag: Uint8Array) => void;

export interface SealedPayload {
  length: number;
  records: number;
  chunks: number;
  digest: string;
}

/** Receives each full chunk's plaintext: a view into the framer's buffer, valid only during the call. */
export type ChunkHandler = (plaintext: Uint8Array, index: number, isLast: boolean) => void;

/**
 * Cuts one file's JSON Lines into 64 KiB chunks and counts its records and
 * bytes; what happens to a chunk (sealed at once, or handed to a sealing
 * thread) is the handler's business.
 */
export class ChunkFramer {
  private readonly buffer = new Uint8Array(CHUNK_SIZE);
  private readonly scratch = new Uint8Array(4);
  private fill = 0;
  private chunkIndex = 0;
  private length = 0;
  private records = 0;
  private ended = false;

  constructor(private readonly onChunk: ChunkHandler) {}

  /** One JSON Lines record: the text (which must not contain a line break) and "\n". */
  pushLine(line: string): void {
    if (line.includes('\n')) throw new ExchangeError('INVALID_ARGUMENT', '一条记录中不能含换行符（应先 JSON 编码）');
    this.pushText(line);
    this.pushBytes(NEWLINE_BYTES);
  }

  /** Raw bytes; every 0x0A in them counts as the end of a record. */
  pushBytes(bytes: Uint8Array): void {
    this.checkOpen();
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) this.records += 1;
    let offset = 0;
    while (offset < bytes.length) {
      if (this.fill === CHUNK_SIZE) this.emit(false);
      const take = Math.min(CHUNK_SIZE - this.fill, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + take), this.fill);
      this.fill += take;
      offset += take;
    }
    this.length += bytes.length;
  }

  /** UTF-8 straight into the chunk buffer: no per-record allocation. */
  private pushText(text: string): void {
    this.checkOpen();
    let read = 0;
    while (read < text.length) {
      if (this.fill === CHUNK_SIZE) this.emit(false);
      const rest = read === 0 ? text : text.slice(read);
      const done = encoder.encodeInto(rest, this.buffer.subarray(this.fill));
      this.fill += done.written;
      this.length += done.written;
      read += done.read;
      if (read < text.length && this.fill < CHUNK_SIZE) {
        // The next character does not fit whole; split its bytes across the chunk boundary.
        const units = isHighSurrogate(text.charCodeAt(read)) && read + 1 < text.length ? 2 : 1;
        const { written } = encoder.encodeInto(text.slice(read, read + units), this.scratch);
        this.pushBytes(this.scratch.subarray(0, written));
        read += units;
      }
    }
  }

  /** Hands over the last chunk (possibly empty); writing afterwards fails. */
  end(): { length: number; records: number; chunks: number } {
    this.checkOpen();
    this.emit(true);
    this.ended = true;
    return { length: this.length, records: this.records, chunks: this.chunkIndex };
  }

  private emit(isLast: boolean): void {
    this.onChunk(this.buffer.subarray(0, this.fill), this.chunkIndex, isLast);
    this.chunkIndex += 1;
    this.fill = 0;
  }

  private checkOpen(): void {
    if (this.ended) throw new ExchangeError('WRITER_FINISHED', '该文件已结束，不能再写入');
  }
}

/** Frames and seals one file at once, in this thread: each chunk sealed as it fills. */
export class PayloadSealer {
  private readonly framer: ChunkFramer;
  private readonly digest: IncrementalSm3;

  constructor(fileKey: Uint8Array, aad: Uint8Array, sink: ChunkSink, sm3: Sm3Factory = ownSm3) {
    this.digest = sm3();
    this.framer = new ChunkFramer((plaintext, index, isLast) => {
      const sealed = sm4GcmEncrypt(fileKey, chunkIv(index, isLast), plaintext, aad);
      this.digest.update(sealed.ciphertext);
      this.digest.update(sealed.tag);
      sink(sealed.ciphertext, sealed.tag);
    });
  }

  pushLine(line: string): void {
    this.framer.pushLine(line);
  }

  pushBytes(bytes: Uint8Array): void {
    this.framer.pushBytes(bytes);
  }

  /** Seals the last chunk (possibly empty) and returns what the header records. */
  end(): SealedPayload {
    const framed = this.framer.end();
    return { ...framed, digest: toHex(this.digest.digest()) };
  }
}

const NEWLINE_BYTES = Uint8Array.of(NEWLINE);
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/**
 * Opens one file's chunk records in order, against the length, record count
 * and digest of the signed header. `open` returns the authenticated plaintext
 * of each chunk; `finish` checks that nothing is missing and the digest holds.
 */
export class PayloadOpener {
  readonly chunkCount: number;
  private readonly digest: IncrementalSm3;
  private next = 0;

  constructor(
    private readonly fileKey: Uint8Array,
    private readonly aad: Uint8Array,
    private readonly file: { name: string; length: number; digest: string },
    sm3: Sm3Factory = ownSm3,
  ) {
    this.chunkCount = chunkCountOf(file.length);
    this.digest = sm3();
  }

  /** Stored size (ciphertext ‖ tag) of chunk `index`. */
  recordLength(index: number): number {
    return plainLengthOfChunk(this.file.length, index) + GCM_TAG_LENGTH;
  }

  open(record: Uint8Array): Uint8Array {
    const index = this.next;
    const facts = { file: this.file.name, chunk: index };
    if (index >= this.chunkCount) {
      throw new ExchangeError('TRAILING_BYTES', `文件 ${this.file.name} 在最后一块之后还有数据`, facts);
    }
    if (record.length !== this.recordLength(index)) {
      throw new ExchangeError('TRUNCATED', `文件 ${this.file.name} 第 ${index + 1} 块长度不符`, facts);
    }
    this.digest.update(record);
    const isLast = index === this.chunkCount - 1;
    const ciphertext = record.subarray(0, record.length - GCM_TAG_LENGTH);
    const tag = record.subarray(record.length - GCM_TAG_LENGTH);
    const plaintext = sm4GcmDecrypt(this.fileKey, chunkIv(index, isLast), ciphertext, tag, this.aad);
    if (!plaintext) {
      // A full chunk sealed as "not last" where the last one belongs: the file was cut after it.
      // In last position but sealed as "not last" (whatever its length): the chunks after it are missing (§6 step 8).
      if (isLast && sm4GcmDecrypt(this.fileKey, chunkIv(index, false), ciphertext, tag, this.aad)) {
        throw new ExchangeError('MISSING_LAST_CHUNK', `文件 ${this.file.name} 第 ${index + 1} 块不是最后一块，其后的块丢失`, facts);
      }
      throw new ExchangeError(
        'CHUNK_AUTH_FAILED',
        `文件 ${this.file.name} 第 ${index + 1} 块未通过认证（内容被改动、损坏，或块的顺序被打乱）`,
        facts,
      );
    }
    this.next += 1;
    return plaintext;
  }

  finish(): void {
    if (this.next < this.chunkCount) {
      throw new ExchangeError('MISSING_LAST_CHUNK', `文件 ${this.file.name} 只有 ${this.next} 块，应有 ${this.chunkCount} 块`, {
        file: this.file.name,
        chunk: this.next,
      });
    }
    const digest = toHex(this.digest.digest());
    if (digest !== this.file.digest) {
      throw new ExchangeError('PAYLOAD_DIGEST_MISMATCH', `文件 ${this.file.name} 的 SM3 摘要与签名的包头不符`, { file: this.file.name });
    }
  }
}
