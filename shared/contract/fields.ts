import { z } from 'zod';

/**
 * Field schemas reused across methods. Every string has a length limit so an
 * oversized value is refused at the boundary before any work is done.
 */
export function text(max: number, required = true) {
  const base = z.string().trim().max(max, `不能超过${max}个字`);
  return required ? base.min(1, '必填') : base;
}

/** The codes of a `[code, label]` table, as z.enum wants them (at least one). */
export const codesOf = <T extends readonly (readonly [string, string])[]>(table: T) => table.map(([c]) => c) as [T[number][0], ...T[number][0][]];

export const entityId = z.number().int('应为整数').positive('应为正整数');
export const rowVersion = z.number().int('应为整数').min(1, '应为正整数');
export const page = z.number().int().min(1).max(100000).default(1);
export const pageSize = z.number().int().min(1).max(200).default(20);

/** Chinese names, including minority names joined with a middle dot. */
export const personName = text(50).regex(/^[\u3400-\u9fffA-Za-z·•. ]+$/, '姓名只能包含汉字、字母和间隔号“·”');

export const password = z.string().min(1, '请输入密码').max(200, '不能超过200个字符');
export const newPassword = z
  .string()
  .min(8, '密码至少8位')
  .max(200, '不能超过200个字符');
export const username = z
  .string()
  .trim()
  .min(2, '用户名至少2个字符')
  .max(32, '不能超过32个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');
