/**
 * The province's feed to one county (docs/exchange-format.md §11): an
 * ordinary package, signed by the province, encrypted for that county only,
 * numbered on a chain of its own per county. It carries the standing of the
 * county's own people elsewhere in the province — a whole snapshot each time,
 * so the newest package is all the county needs. Pure: the files and their lines.
 */
import { z } from 'zod';

export const FEED_FILES = {
  meta: 'feed.jsonl',
  statuses: 'cross_county_statuses.jsonl',
  subsidies: 'cross_county_subsidies.jsonl',
  policies: 'policy_versions.jsonl',
  receipts: 'receipts.jsonl',
} as const;
export const FEED_SCHEMA_VERSION = 1;

const divisionCode = z.string().regex(/^\d{6}$/, '应为6位行政区划代码');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 日期');
const period = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, '应为 YYYY-MM-DD 日期或 YYYY-MM 月份');

/** The one line of feed.jsonl: whom the feed is for, and as of when the province's data stands. */
export const feedMetaSchema = z.strictObject({ county: divisionCode, asOf: z.string().datetime() });

/** 已在XX县登记失业 / 已在XX县认定 (就业困难人员). */
export const crossCountyStatusSchema = z.strictObject({
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  county: divisionCode,
  kind: z.enum(['unemployment_registration', 'difficulty_certification']),
  since: isoDate,
});

/** A subsidy paid to the person in another county, for a period. */
export const crossCountySubsidySchema = z.strictObject({
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  county: divisionCode,
  policyCode: z.string().min(1),
  policyName: z.string(),
  /** As the paying county's payment line has it: a day (YYYY-MM-DD) or a month (YYYY-MM). */
  periodFrom: period,
  periodTo: period,
  amountFen: z.number().int(),
});

/**
 * A policy version the province issued to this county (政策下发): the whole
 * definition in the shape of shared/domain/policies/definition.ts, with its
 * stored test cases. Only its envelope is checked here; the county judges the
 * definition (validatePolicy, its test cases) when the administrator reviews it.
 */
export const issuedPolicyVersionSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '应为政策代码'),
    version: z.number().int().min(1),
    issuedAt: z.string().datetime(),
    definition: z.record(z.string(), z.unknown()),
  })
  .refine((v) => v.definition.code === v.code && v.definition.version === v.version, { message: '定义中的代码或版本号与本行不一致', path: ['definition'] });

/**
 * A receipt the province already made for one of the county's packages
 * (docs/exchange-format.md §9, the content of the signed receipt), carried
 * back once in the next feed, so a county whose receipt files went astray
 * still learns which records were accepted or rejected.
 */
export const feedReceiptSchema = z.strictObject({
  sender: divisionCode,
  sequence: z.number().int().min(1),
  packageHash: z.string().regex(/^[0-9a-f]{64}$/),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
  records: z.array(
    z.strictObject({
      entity: z.string(),
      id: z.number().int(),
      changeSeq: z.number().int(),
      status: z.enum(['accepted', 'rejected']),
      reason: z.string().optional(),
    }),
  ),
});

export type FeedMeta = z.infer<typeof feedMetaSchema>;
export type CrossCountyStatus = z.infer<typeof crossCountyStatusSchema>;
export type CrossCountySubsidy = z.infer<typeof crossCountySubsidySchema>;
export type IssuedPolicyVersion = z.infer<typeof issuedPolicyVersionSchema>;
export type FeedReceipt = z.infer<typeof feedReceiptSchema>;

export interface FeedContent {
  meta: FeedMeta;
  statuses: CrossCountyStatus[];
  subsidies: CrossCountySubsidy[];
  /** Every policy version the province has issued to this county (the county keeps those it has not seen). */
  policies: IssuedPolicyVersion[];
  /** Receipts of the county's packages not carried by an earlier feed, by package sequence. */
  receipts: FeedReceipt[];
}

/** The files of a feed package, lines in a stable order (the same data gives the same files). */
export function feedFiles(content: FeedContent): Array<{ name: string; lines: string[] }> {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return [
    { name: FEED_FILES.meta, lines: [JSON.stringify(content.meta)] },
    { name: FEED_FILES.statuses, lines: sorted(content.statuses) },
    { name: FEED_FILES.subsidies, lines: sorted(content.subsidies) },
    { name: FEED_FILES.policies, lines: sorted(content.policies) },
    // By package sequence (not by text): the county applies them in the order the packages were sent.
    { name: FEED_FILES.receipts, lines: [...content.receipts].sort((a, b) => a.sequence - b.sequence).map((r) => JSON.stringify(r)) },
  ];
}

/** Reads a feed's files back, every line checked; a bad line refuses the whole feed (message names file and line). */
export function parseFeedFiles(files: Map<string, string[]>): FeedContent {
  // Files added to the feed after its first release may be absent from an older province's feed: read as empty.
  const read = <T>(name: string, schema: z.ZodType<T>, optional = false): T[] => {
    const lines = files.get(name) ?? (optional ? [] : undefined);
    if (!lines) throw new FeedError(`省级下发数据包中缺少文件 ${name}`);
    return lines.map((text, i) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new FeedError(`文件 ${name} 第 ${i + 1} 行不是 JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new FeedError(`文件 ${name} 第 ${i + 1} 行字段 ${parsed.error.issues[0]?.path.join('.') ?? ''} 不合规`);
      return parsed.data;
    });
  };
  const meta = read(FEED_FILES.meta, feedMetaSchema);
  if (meta.length !== 1) throw new FeedError(`文件 ${FEED_FILES.meta} 应恰好一行`);
  return {
    meta: meta[0]!,
    statuses: read(FEED_FILES.statuses, crossCountyStatusSchema),
    subsidies: read(FEED_FILES.subsidies, crossCountySubsidySchema),
    policies: read(FEED_FILES.policies, issuedPolicyVersionSchema, true),
    receipts: read(FEED_FILES.receipts, feedReceiptSchema, true),
  };
}

export class FeedError extends Error {
  readonly code = 'MALFORMED_PAYLOAD';
}

/** A paid period as days: a month (YYYY-MM) runs from its first to its last day; a day stays itself. */
export function periodDays(from: string, to: string): { from: string; to: string } {
  const last = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  return { from: from.length === 7 ? `${from}-01` : from, to: to.length === 7 ? last(to) : to };
}
