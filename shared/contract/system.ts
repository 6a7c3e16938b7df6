import { z } from 'zod';
import { method } from './define';

export interface Township {
  code: string;
  name: string;
}

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  county: { code: string; name: string };
}

export const systemContract = {
  'system.info': method<SystemInfo>()({
    input: z.strictObject({}),
    access: 'session',
    writes: false,
    title: '查看系统信息',
  }),
  'divisions.villages': method<Township[]>()({
    input: z.strictObject({ townshipCode: z.string().regex(/^\d{9}$/, '乡镇（街道）代码应为9位') }),
    access: 'session',
    writes: false,
    title: '列出乡镇（街道）下的村（社区）',
  }),
  'divisions.townships': method<Township[]>()({
    input: z.strictObject({}),
    access: 'session',
    writes: false,
    title: '列出本县乡镇（街道）',
  }),
};
