/** A file's size as staff read it: MB to one decimal, else whole KB (at least 1). */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A case as staff name it: its receipt number (业务编号), or 未受理草稿 before acceptance gives it one — never a database id. */
export function caseNumber(receiptNo: string | null): string {
  return receiptNo ?? '未受理草稿';
}
