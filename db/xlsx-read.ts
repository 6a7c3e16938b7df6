import { inflateRawSync } from 'node:zlib';

/**
 * Reads the first worksheet of an .xlsx as rows of TEXT cells, synchronously:
 * a bank's result file is read inside the transaction that applies it, and
 * its amounts must stay the digits the bank wrote (`1234.50`), never a float.
 * Handles what Excel, WPS and exceljs write: shared strings, inline strings,
 * numbers and booleans; formulas give their cached value. Anything else — not
 * a zip, no worksheet, a zip bomb — throws a RangeError with a Chinese message.
 */

const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

function zipEntries(zip: Buffer): Map<string, () => Buffer> {
  const entries = new Map<string, () => Buffer>();
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new RangeError('文件不是有效的 Excel（.xlsx）文件');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new RangeError('Excel 文件已损坏（目录不完整）');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      if (size > MAX_ENTRY_BYTES) throw new RangeError('Excel 文件过大');
      if (local + 30 > zip.length) throw new RangeError('Excel 文件已损坏');
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
      throw new RangeError('Excel 文件使用了不支持的压缩方式');
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));

/** The text of every <t> inside `xml` (rich text runs joined). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function firstSheetPath(entries: Map<string, () => Buffer>): string {
  const workbook = entries.get('xl/workbook.xml')?.().toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels')?.().toString('utf8');
  const rid = workbook ? /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1] : undefined;
  if (rid && rels) {
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
    const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
    if (target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (entries.has(path)) return path;
    }
  }
  const fallback = [...entries.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
  if (!fallback) throw new RangeError('Excel 文件中没有工作表');
  return fallback;
}

/** Rows of the first worksheet, each a dense array of cell texts ('' for empty); trailing empty rows dropped. */
export function readXlsxTextRows(file: Buffer): string[][] {
  const entries = zipEntries(file);
  const shared = entries.get('xl/sharedStrings.xml');
  const strings = shared ? [...shared().toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!)) : [];
  const sheet = entries.get(firstSheetPath(entries))!().toString('utf8');
  const rows: string[][] = [];
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>|<row\b([^>]*)\/>/g)) {
    const attrs = rowMatch[1] ?? rowMatch[3] ?? '';
    const r = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const cellAttrs = c[1]!;
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+)\d*"/.exec(cellAttrs)?.[1];
      const col = ref ? columnIndex(ref) : cells.length;
      const type = /\bt="([^"]+)"/.exec(cellAttrs)?.[1];
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = strings[Number(value)] ?? '';
      else if (type === 'inlineStr') text = textOf(body);
      else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
      else if (value !== undefined) text = decodeXml(value);
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
  }
  while (rows.length > 0 && rows.at(-1)!.every((c) => c.trim() === '')) rows.pop();
  return rows;
}
