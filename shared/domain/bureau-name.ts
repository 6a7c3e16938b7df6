/**
 * The name printed on letterheads and beside the seal (盖章). By default the
 * county's 人力资源和社会保障局; an office whose notices go out under its
 * 就业服务中心 or another registered name sets its own in 系统设置.
 */
export function defaultBureauName(countyName: string): string {
  return `${countyName}人力资源和社会保障局`;
}

export const BUREAU_NAME_MAX = 40;

/** Chinese problem with a name as typed (already trimmed), or null. */
export function bureauNameProblem(name: string): string | null {
  if (name.length < 4) return '至少4个字';
  if (name.length > BUREAU_NAME_MAX) return `不能超过${BUREAU_NAME_MAX}个字`;
  if (/[\r\n\t]/.test(name)) return '不能含换行或制表符';
  return null;
}
