import { z } from 'zod';
import { CANCELLATION_REASONS, DIFFICULTY_EXIT_REASONS, DIFFICULTY_SUSPENSION_REASONS } from '../domain/matter-types';
import { CONTACT_CHANNELS, CONTACT_KINDS, type AftercareEventKind, type ContactChannel, type ContactKind } from '../domain/person-contacts';
import { method } from './define';
import { entityId, page, pageSize, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface ContactView {
  id: number;
  personId: number;
  contactDate: string;
  kind: ContactKind;
  kindLabel: string;
  channel: ContactChannel;
  channelLabel: string;
  staffUserId: number;
  staffName: string;
  vacancyId: number | null;
  vacancyTitle: string | null;
  content: string;
  outcome: string | null;
  createdAt: string;
}

/** An approved 失业登记 whose follow-up contact has not happened yet (待跟踪联系). */
export interface FollowUpDueItem {
  caseId: number;
  receiptNo: string | null;
  personId: number;
  personName: string;
  phoneMasked: string | null;
  acceptedOn: string;
  followUpDue: string;
  overdue: boolean;
}

/** A registered-unemployed person without contact for 6 months: proposed for 注销 (no_contact_6_months). */
export interface NoContactProposal {
  caseId: number;
  caseVersion: number;
  receiptNo: string | null;
  personId: number;
  personName: string;
  registeredOn: string;
  lastContactOn: string | null;
  /** The later of the two: the 6 months count from here. */
  countedFrom: string;
}

/** An approved 失业登记 or 就业困难人员认定 and what happened to it after the decision. */
export interface InForceMatter {
  caseId: number;
  version: number;
  matterType: 'unemployment_registration' | 'difficulty_certification';
  receiptNo: string | null;
  personId: number;
  personName: string;
  acceptedOn: string | null;
  /** Registration: follow-up due and whether a contact has satisfied it. */
  followUpDue: string | null;
  followedUpOn: string | null;
  /** Certification: category, validity, suspension and review. */
  category: string | null;
  validFrom: string | null;
  validTo: string | null;
  suspendedOn: string | null;
  suspensionReason: string | null;
  lastReviewedOn: string | null;
  reviewDue: string | null;
  /** 'in_force' | 'suspended' | 'expired' | 'ended' */
  status: 'in_force' | 'suspended' | 'expired' | 'ended';
  endedOn: string | null;
  endReason: string | null;
  endReasonLabel: string | null;
  endNote: string | null;
  endedByName: string | null;
  events: { kind: AftercareEventKind; label: string; onDate: string; reason: string | null; reasonLabel: string | null; note: string | null; actorName: string | null; at: string }[];
}

const codes = <T extends readonly (readonly [string, string])[]>(table: T) => table.map(([c]) => c) as [T[number][0], ...T[number][0][]];
const note = text(500, false).nullish();
const onDate = isoDate;
const version = rowVersion;

export const contactsContract = {
  'contacts.record': method<ContactView>()({
    input: z.strictObject({
      personId: entityId,
      contactDate: isoDate,
      kind: z.enum(codes(CONTACT_KINDS), '请从列表中选择联系类型'),
      channel: z.enum(codes(CONTACT_CHANNELS), '请从列表中选择联系方式'),
      /** Defaults to the caller. */
      staffUserId: entityId.optional(),
      vacancyId: entityId.nullish(),
      content: text(1000),
      outcome: text(200, false).nullish(),
    }),
    access: 'contacts.write',
    writes: true,
    title: '记录联系（跟踪联系、职业指导、岗位推荐等）',
    labels: { contactDate: '联系日期', kind: '联系类型', channel: '联系方式', content: '联系内容', outcome: '结果', vacancyId: '推荐岗位', staffUserId: '工作人员' },
  }),
  'contacts.listForPerson': method<{ items: ContactView[]; total: number }>()({
    input: z.strictObject({ personId: entityId, page, pageSize }),
    access: 'persons.read',
    writes: false,
    title: '查看某人的联系记录',
  }),
  'contacts.followUpsDue': method<{ items: FollowUpDueItem[]; total: number; overdue: number }>()({
    input: z.strictObject({ page, pageSize }),
    access: 'persons.read',
    writes: false,
    title: '待跟踪联系（失业登记后5个工作日内）',
  }),
  'registrations.forPerson': method<InForceMatter[]>()({
    input: z.strictObject({ personId: entityId }),
    access: 'cases.read',
    writes: false,
    title: '查看某人有效的失业登记与就业困难认定',
  }),
  'registrations.cancel': method<InForceMatter>()({
    input: z.strictObject({
      caseId: entityId,
      version,
      reason: z.enum(CANCELLATION_REASONS.map((r) => r.code) as [string, ...string[]], '请从列表中选择注销原因'),
      onDate,
      note,
    }),
    // Which role may use which reason is data (CANCELLATION_REASONS); the service checks it.
    access: 'cases.read',
    writes: true,
    title: '注销失业登记',
    labels: { reason: '注销原因', onDate: '注销日期', note: '说明' },
  }),
  'registrations.noContactProposals': method<{ items: NoContactProposal[]; total: number; cutoff: string }>()({
    input: z.strictObject({ page, pageSize }),
    access: 'cases.read',
    writes: false,
    title: '连续6个月未联系、建议注销的失业登记',
  }),
  'certifications.review': method<InForceMatter>()({
    input: z.strictObject({ caseId: entityId, version, onDate, note }),
    access: 'cases.read',
    writes: true,
    title: '就业困难人员年度复核',
    labels: { onDate: '复核日期', note: '复核情况' },
  }),
  'certifications.suspend': method<InForceMatter>()({
    input: z.strictObject({ caseId: entityId, version, onDate, reason: z.enum(codes(DIFFICULTY_SUSPENSION_REASONS), '请从列表中选择暂停原因'), note }),
    access: 'cases.read',
    writes: true,
    title: '暂停就业困难人员认定',
    labels: { onDate: '暂停日期', reason: '暂停原因', note: '说明' },
  }),
  'certifications.resume': method<InForceMatter>()({
    input: z.strictObject({ caseId: entityId, version, onDate, note }),
    access: 'cases.read',
    writes: true,
    title: '恢复就业困难人员认定',
    labels: { onDate: '恢复日期', note: '说明' },
  }),
  'certifications.exit': method<InForceMatter>()({
    input: z.strictObject({ caseId: entityId, version, onDate, reason: z.enum(codes(DIFFICULTY_EXIT_REASONS), '请从列表中选择退出原因'), note }),
    access: 'cases.read',
    writes: true,
    title: '退出就业困难人员认定',
    labels: { onDate: '退出日期', reason: '退出原因', note: '说明' },
  }),
  'certifications.reviewsDue': method<{ items: InForceMatter[]; total: number }>()({
    input: z.strictObject({ withinDays: z.number().int().min(0).max(366).default(30), page, pageSize }),
    access: 'cases.read',
    writes: false,
    title: '到期应复核的就业困难人员认定',
  }),
};
