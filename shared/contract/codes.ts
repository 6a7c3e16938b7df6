import { z } from 'zod';
import type { CodeEntry } from '../domain/editable-code-tables';
import { method } from './define';
import { rowVersion } from './fields';

/** One entry of an administrator's code table as screens see it; `version` guards the next save. */
export interface CodeTableEntry extends CodeEntry {
  version: number;
}

const table = z.enum(['difficulty_categories', 'subsidy_catalogue', 'guidance_topics'], '未知的代码表');

export const codesContract = {
  'codes.list': method<CodeTableEntry[]>()({
    input: z.strictObject({ table }),
    // Codes and names only, no personal data: every screen that shows a case labels its codes.
    access: 'session',
    writes: false,
    title: '查看业务代码表（认定类别、补贴目录、职业指导内容）',
  }),
  'codes.save': method<CodeTableEntry[]>()({
    input: z.strictObject({
      table,
      // Code, name and applicant are judged by codeEntryProblems (shared/domain), so the desk and the
      // server give the same Chinese messages; here only their length is bounded.
      /** null adds a new entry, whose code the desk makes from its name; otherwise the entry to change. */
      code: z.string().trim().max(40, '不能超过40个字符').nullable(),
      label: z.string().max(200, '不能超过200个字'),
      sortOrder: z.number().int('应为整数').min(0, '不能小于0').max(9999, '不能大于9999'),
      active: z.boolean(),
      applicant: z.enum(['person', 'enterprise', 'both'], '请选择申请对象').nullable(),
      /** null with a null code adds a new entry; otherwise the version shown, so a colleague's change is not overwritten. */
      version: rowVersion.nullable(),
    }),
    access: 'settings.manage',
    writes: true,
    title: '维护业务代码表（新增、改名、排序、停用或启用）',
    labels: { code: '代码', label: '名称', sortOrder: '排序', applicant: '申请对象', table: '代码表' },
  }),
};
