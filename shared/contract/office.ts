import { z } from 'zod';
import { method } from './define';

/** 办公室模式 as the administrator sees it on the host. */
export interface OfficeStatusView {
  /** 办公室主机 is switched on: paired workstations are served on the office port. */
  enabled: boolean;
  /** Host names and addresses workstations may use (in the certificate and the Host check). */
  names: string[];
  /** The certificate's SHA-256 fingerprint as groups of four hex digits, for reading aloud; null before first switch-on. */
  fingerprint: string | null;
  /** Workstations paired and not revoked. */
  activeWorkstations: number;
}

export interface PairingCodeView {
  /** "1234-5678": shown once, on the host only. */
  code: string;
  expiresAt: string;
}

/** What a workstation receives at pairing: its credential, sent with every later call. */
export interface PairedWorkstationView {
  workstationId: number;
  name: string;
  credential: string;
}

export interface WorkstationView {
  id: number;
  name: string;
  pairedAt: string;
  pairedFrom: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  /** Staff signed in at this workstation now. */
  sessions: number;
}

const hostName = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(253, '过长')
  .regex(/^[A-Za-z0-9.:-]+$/, '只能是主机名或 IP 地址（字母、数字、点、冒号、连字符）');

export const officeContract = {
  'office.status': method<OfficeStatusView>()({
    input: z.strictObject({}),
    access: 'settings.manage',
    writes: false,
    title: '查看办公室模式',
  }),
  'office.switchOn': method<OfficeStatusView>()({
    input: z.strictObject({
      /** The names workstations reach this host by: its LAN address(es) and computer name. */
      names: z.array(hostName).min(1, '至少填写一个地址').max(8, '最多 8 个地址'),
    }),
    labels: { names: '主机地址' },
    access: 'settings.manage',
    writes: true,
    title: '开启办公室主机',
  }),
  'office.switchOff': method<OfficeStatusView>()({
    input: z.strictObject({}),
    access: 'settings.manage',
    writes: true,
    title: '关闭办公室主机',
  }),
  'office.issuePairingCode': method<PairingCodeView>()({
    input: z.strictObject({}),
    access: 'settings.manage',
    writes: true,
    title: '生成工作站配对码',
  }),
  'office.pair': method<PairedWorkstationView>()({
    input: z.strictObject({
      code: z.string().trim().min(1, '请输入配对码').max(20, '配对码应为 8 位数字'),
      name: z.string().trim().min(1, '请填写工作站名称').max(40, '工作站名称最多 40 个字'),
    }),
    labels: { code: '配对码', name: '工作站名称' },
    access: 'public',
    writes: true,
    title: '工作站配对',
  }),
  'office.workstations': method<WorkstationView[]>()({
    input: z.strictObject({}),
    access: 'settings.manage',
    writes: false,
    title: '查看工作站',
  }),
  'office.revoke': method<null>()({
    input: z.strictObject({
      id: z.number().int().positive(),
      reason: z.string().trim().min(1, '请填写撤销原因').max(200, '原因最多 200 个字'),
    }),
    labels: { id: '工作站', reason: '撤销原因' },
    access: 'settings.manage',
    writes: true,
    title: '撤销工作站',
  }),
};
