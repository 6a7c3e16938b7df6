import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_KINDS, type ContactChannel, type ContactKind } from '../domain/person-contacts';
import { method } from './define';
import { codesOf, entityId, page, pageSize, text } from './fields';
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

export const contactsContract = {
  'contacts.record': method<ContactView>()({
    input: z.strictObject({
      personId: entityId,
      contactDate: isoDate,
      kind: z.enum(codesOf(CONTACT_KINDS), '请从列表中选择联系类型'),
      channel: z.enum(codesOf(CONTACT_CHANNELS), '请从列表中选择联系方式'),
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
};
