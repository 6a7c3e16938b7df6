import type { z } from 'zod';
import { fieldLabel } from '../shared/labels/zh-CN';
import { AppError } from './errors';

/** Turns zod issues into the contract's error: a field map and one Chinese sentence. */
export function inputError(error: z.ZodError, labels: Readonly<Record<string, string>> = {}): AppError {
  // Keys come from the caller's input ("__proto__" among them): a map without a prototype holds them as plain keys.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= '不支持的字段';
      }
      continue;
    }
    const path = issue.path.join('.');
    fields[path] ??= issue.message;
  }
  const paths = Object.keys(fields);
  const first = paths[0] ?? '';
  const last = first.split('.').pop() ?? first;
  const label = Object.hasOwn(labels, last) ? labels[last] : fieldLabel(first);
  const head = first === '' ? `输入格式不正确：${fields[first] ?? ''}` : `${label}：${fields[first]}`;
  const message = paths.length > 1 ? `${head}（另有${paths.length - 1}处填写有误）` : head;
  return new AppError('BAD_INPUT', message, { fields });
}
