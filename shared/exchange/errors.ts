/**
 * Refusals of the provincial exchange format. Every way a package or a signed
 * document can be rejected has its own machine code (stable: the receiver
 * stores it, the province's staff read it back over the phone) and a Chinese
 * sentence fit to show as it is. The detail after the colon says where.
 */

export const EXCHANGE_REFUSALS = {
  // Envelope (no key needed)
  NOT_A_PACKAGE: '不是交换数据包',
  NOT_A_SIGNED_DOCUMENT: '不是签名文件',
  UNSUPPORTED_VERSION: '格式版本不受支持',
  MALFORMED_HEADER: '数据包头格式错误',
  TRUNCATED: '文件不完整（被截断）',
  TRAILING_BYTES: '文件末尾有多余数据',
  // Signature
  UNKNOWN_SENDER_KEY: '发送方密钥未登记',
  SENDER_KEY_MISMATCH: '发送方密钥不属于该单位',
  WRONG_SIGNER_ID: '签名者标识不符',
  BAD_SIGNATURE: '签名验证失败',
  // Chain of packages per sender
  REPLAY: '重复的数据包',
  GAP: '数据包序号不连续',
  FORK: '同一序号出现了两个不同的数据包',
  WRONG_PREVIOUS_HASH: '前一数据包摘要不符',
  // Recipient
  NOT_ADDRESSED_TO_RECIPIENT: '数据包不是发给本接收方的',
  WRONG_RECIPIENT_KEY: '接收方私钥解不开内容密钥',
  // Payload
  UNKNOWN_FILE: '数据包中没有该文件',
  CHUNK_AUTH_FAILED: '数据块认证失败',
  MISSING_LAST_CHUNK: '数据文件缺少最后一块',
  PAYLOAD_DIGEST_MISMATCH: '数据文件摘要不符',
  RECORD_COUNT_MISMATCH: '记录条数不符',
  MALFORMED_PAYLOAD: '数据文件内容格式错误',
} as const;

/** Mistakes of the calling code, not of a received file. */
export const EXCHANGE_USAGE_ERRORS = {
  INVALID_ARGUMENT: '参数错误',
  OUTPUT_EXISTS: '输出文件已存在',
  WRITER_FINISHED: '数据包已写完',
} as const;

export type ExchangeRefusalCode = keyof typeof EXCHANGE_REFUSALS;
export type ExchangeUsageCode = keyof typeof EXCHANGE_USAGE_ERRORS;
export type ExchangeErrorCode = ExchangeRefusalCode | ExchangeUsageCode;

const TITLES: Record<ExchangeErrorCode, string> = { ...EXCHANGE_REFUSALS, ...EXCHANGE_USAGE_ERRORS };

export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  /** Machine-readable facts (file name, chunk index, sequence …) for logs and receipts. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: ExchangeErrorCode, detail: string, details: Record<string, string | number> = {}) {
    super(`${TITLES[code]}：${detail}`);
    this.name = 'ExchangeError';
    this.code = code;
    this.details = details;
  }

  /** True for a refusal of a received file; false for a mistake of the calling code. */
  get isRefusal(): boolean {
    return this.code in EXCHANGE_REFUSALS;
  }

  toJSON(): { code: ExchangeErrorCode; message: string; details: Record<string, string | number> } {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}

export function isExchangeError(value: unknown, code?: ExchangeErrorCode): value is ExchangeError {
  return value instanceof ExchangeError && (code === undefined || value.code === code);
}
