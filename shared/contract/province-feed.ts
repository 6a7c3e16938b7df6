import { z } from 'zod';
import { method } from './define';

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
  'provinceFeed.personStanding': method<CrossCountyStanding>()({
    input: z.strictObject({ personId: z.number().int().min(1) }),
    access: 'persons.read',
    writes: false,
    title: '查看人员在外县的状态',
  }),
};
