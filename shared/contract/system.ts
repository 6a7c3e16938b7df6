import { z } from 'zod';
import { method } from './define';

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
};
