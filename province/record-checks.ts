/**
 * What the province refuses in one record of a verified package, decided the
 * same way whatever store the records go to. Pure: the published schemas'
 * required fields (shared/exchange/record-fields.ts) and the ID-number rule.
 */
import { parseIdNumber } from '../shared/domain/id-number';
import { CORRECTED_WITH_REASONS, REQUIRED_RECORD_FIELDS } from '../shared/exchange/record-fields';

/** One line of a package's `<entity>.jsonl` (docs/exchange-format.md, record files), as received: nothing trusted yet. */
export interface ReceivedLine {
  entity: string;
  id: number;
  changeSeq: number;
  op: 'upsert' | 'cancel' | 'correction' | 'delete';
  record: Record<string, unknown> | null;
  reasons?: string[];
}

const OPS = new Set(['upsert', 'cancel', 'correction', 'delete']);
const CORRECTED = new Set(CORRECTED_WITH_REASONS);

/** Why the province refuses one record (null: acceptable). */
export function recordProblem(line: ReceivedLine, file: string, range: { from: number; to: number }): string | null {
  if (`${line.entity}.jsonl` !== file) return `记录的实体 ${String(line.entity)} 与文件 ${file} 不符`;
  if (!Number.isInteger(line.id) || line.id < 1) return '记录编号无效';
  if (!Number.isInteger(line.changeSeq) || line.changeSeq < range.from || line.changeSeq > range.to) return '变更序号不在数据包声明的范围内';
  if (!OPS.has(line.op)) return `未知的操作 ${String(line.op)}`;
  if (line.op === 'delete') return null;
  if (typeof line.record !== 'object' || line.record === null) return '缺少记录内容';
  const missing = (REQUIRED_RECORD_FIELDS[line.entity] ?? []).filter((field) => !(field in line.record!));
  if (missing.length) return `缺少字段：${missing.join('、')}`;
  // Persons and enterprises keep their corrections with reasons: a correction of them must say why.
  if (line.op === 'correction' && CORRECTED.has(line.entity) && (!Array.isArray(line.reasons) || line.reasons.length === 0)) {
    return '更正记录未说明更正原因';
  }
  if (line.entity === 'persons') {
    const id = parseIdNumber(String(line.record.idNumber ?? ''), String(line.record.createdAt ?? '').slice(0, 10) || '2100-01-01');
    if (!id.ok) return `公民身份号码无效（${id.problem}）`;
    if (typeof line.record.name !== 'string' || line.record.name.trim() === '') return '姓名为空';
  }
  return null;
}
