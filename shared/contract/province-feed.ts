import { z } from 'zod';
import { method } from './define';
import { entityId, text } from './fields';

/** The feed from the province as imported here (docs/exchange-format.md §11). */
export interface ProvinceFeedStatus {
  /** Newest feed package imported; null before the first. */
  lastSequence: number | null;
  /** As of when the province's data stands (UTC ISO). */
  asOf: string | null;
  importedAt: string | null;
  statuses: number;
  subsidies: number;
}

export interface ProvinceFeedImportResult {
  sequence: number;
  asOf: string;
  statuses: number;
  subsidies: number;
  /** Policy versions issued by the province that this feed brought for the first time (待审核启用). */
  policies: number;
  /** Receipts of this county's packages the feed carried back and that were applied (not imported before). */
  receipts: number;
}

/** A policy version the province issued, as the administrator reviews it before activating it. */
export interface ProvincePolicyVersionView {
  id: number;
  code: string;
  provinceVersion: number;
  name: string;
  issuedAt: string;
  feedSequence: number;
  status: 'pending' | 'activated' | 'superseded';
  /** The county's version it became when activated. */
  activatedVersion: number | null;
  activatedAt: string | null;
  /** The version in force here now (null: none), and what the issued one changes against it, in Chinese. */
  activeVersion: number | null;
  changes: string[];
  /** Chinese problems of the definition (validatePolicy): a version with any cannot be activated. */
  problems: string[];
  /** Its stored test cases run here and now: a version with any failing cannot be activated. */
  cases: Array<{ name: string; on: string; expected: string; got: string; passed: boolean }>;
}

/** What the province says of one person elsewhere: 已在XX县登记失业 / 已在XX县认定, subsidies paid there. */
export interface CrossCountyStanding {
  asOf: string | null;
  statuses: Array<{ countyCode: string; countyName: string; kind: 'unemployment_registration' | 'difficulty_certification'; since: string }>;
  subsidies: Array<{ countyCode: string; countyName: string; policyCode: string; policyName: string; periodFrom: string; periodTo: string; amountFen: number }>;
}

export const provinceFeedContract = {
  'provinceFeed.status': method<ProvinceFeedStatus>()({
    input: z.strictObject({}),
    access: 'exchange.manage',
    writes: false,
    title: '查看省级下发数据',
  }),
  'provinceFeed.import': method<ProvinceFeedImportResult>()({
    input: z.strictObject({ fileName: z.string().trim().min(1).max(200), base64: z.string().min(1).max(64 * 1024 * 1024) }),
    access: 'exchange.manage',
    writes: true,
    title: '导入省级下发数据',
  }),
  'provinceFeed.policyVersions': method<ProvincePolicyVersionView[]>()({
    input: z.strictObject({}),
    access: 'policies.read',
    writes: false,
    title: '查看省级下发的政策版本（变更内容与测试用例结果）',
  }),
  'provinceFeed.activatePolicy': method<ProvincePolicyVersionView>()({
    input: z.strictObject({ id: entityId, reason: text(200) }),
    access: 'policies.manage',
    writes: true,
    title: '启用省级下发的政策版本（先运行其测试用例，有未通过的不能启用；原版本停用）',
    labels: { id: '政策版本', reason: '启用原因' },
  }),
  'provinceFeed.personStanding': method<CrossCountyStanding>()({
    input: z.strictObject({ personId: z.number().int().min(1) }),
    access: 'persons.read',
    writes: false,
    title: '查看人员在外县的状态',
  }),
};
