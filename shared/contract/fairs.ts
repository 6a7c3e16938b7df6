import { z } from 'zod';
import { codesOf } from '../domain/enterprise-codes';
import { FAIR_CAMPAIGNS, FAIR_CHANNELS, FAIR_TARGET_GROUPS, type FairCampaign, type FairChannel, type FairStatus, type FairTargetGroup, type IntentionOutcome } from '../domain/fair-codes';
import { method } from './define';
import { entityId, page, pageSize, personName, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

/** Counts of a fair, for its page, its list row and its printed summary. */
export interface FairCounts {
  enterprises: number;
  vacancies: number;
  /** Openings of the vacancies brought (招聘人数). */
  positions: number;
  checkIns: number;
  intentions: number;
  hires: number;
}

export interface FairParticipation {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  boothNumber: string | null;
  vacancies: { id: number; title: string; openings: number }[];
  intentions: number;
  hires: number;
  version: number;
}

export interface FairView {
  id: number;
  name: string;
  campaign: FairCampaign;
  targetGroup: FairTargetGroup;
  channel: FairChannel;
  startDate: string;
  endDate: string | null;
  venue: string | null;
  organizer: string | null;
  notes: string | null;
  status: FairStatus;
  cancelReason: string | null;
  counts: FairCounts;
  enterprises: FairParticipation[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface FairListItem {
  id: number;
  name: string;
  campaign: FairCampaign;
  targetGroup: FairTargetGroup;
  channel: FairChannel;
  startDate: string;
  endDate: string | null;
  venue: string | null;
  status: FairStatus;
  counts: FairCounts;
}

export interface FairIntentionView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  vacancyId: number | null;
  vacancyTitle: string | null;
  outcome: IntentionOutcome;
  outcomeOn: string | null;
  note: string | null;
  version: number;
}

/** A check-in as staff see it: ID number and phone masked. */
export interface FairAttendanceView {
  id: number;
  fairId: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  checkedInAt: string;
  registeredAtDoor: boolean;
  intentions: FairIntentionView[];
}

const fairFields = {
  name: text(100),
  campaign: z.enum(codesOf(FAIR_CAMPAIGNS), '请从列表中选择活动类型'),
  targetGroup: z.enum(codesOf(FAIR_TARGET_GROUPS), '请从列表中选择服务对象'),
  channel: z.enum(codesOf(FAIR_CHANNELS), '请选择举办形式'),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  venue: text(100, false).nullish(),
  organizer: text(100, false).nullish(),
  notes: text(500, false).nullish(),
};

/** The words staff see for the fair's fields in messages. */
const FAIR_LABELS = { name: '招聘会名称', campaign: '活动类型', targetGroup: '服务对象', channel: '举办形式', startDate: '举办日期', endDate: '结束日期', venue: '举办地点', organizer: '主办单位', notes: '备注' };

export const fairsContract = {
  'fairs.create': method<FairView>()({
    input: z.strictObject(fairFields),
    access: 'fairs.write',
    writes: true,
    title: '新建招聘会',
    labels: FAIR_LABELS,
  }),
  'fairs.update': method<FairView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, ...fairFields }),
    access: 'fairs.write',
    writes: true,
    title: '修改招聘会',
    labels: FAIR_LABELS,
  }),
  'fairs.setStatus': method<FairView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, status: z.enum(['held', 'cancelled'], '请选择已举办或已取消'), reason: text(200, false).nullish() }),
    access: 'fairs.write',
    writes: true,
    title: '标记招聘会已举办或取消',
    labels: { reason: '取消原因' },
  }),
  'fairs.get': method<FairView>()({
    input: z.strictObject({ id: entityId }),
    access: 'fairs.read',
    writes: false,
    title: '查看招聘会',
  }),
  'fairs.list': method<{ items: FairListItem[]; total: number; page: number; pageSize: number }>()({
    input: z.strictObject({
      status: z.enum(['planned', 'held', 'cancelled', 'all'], '未知的招聘会状态').default('all'),
      from: isoDate.optional(),
      to: isoDate.optional(),
      query: text(50, false).optional(),
      page,
      pageSize,
    }),
    access: 'fairs.read',
    writes: false,
    title: '招聘会列表',
    labels: { from: '开始日期', to: '截止日期' },
  }),
  'fairs.addEnterprise': method<FairView>()({
    input: z.strictObject({ fairId: entityId, enterpriseId: entityId, boothNumber: text(20, false).nullish(), vacancyIds: z.array(entityId).max(50, '一次最多50个岗位').default([]) }),
    access: 'fairs.write',
    writes: true,
    title: '添加参会企业',
    labels: { boothNumber: '展位号', vacancyIds: '参会岗位', enterpriseId: '参会企业' },
  }),
  'fairs.updateParticipation': method<FairView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, boothNumber: text(20, false).nullish(), vacancyIds: z.array(entityId).max(50, '一次最多50个岗位') }),
    access: 'fairs.write',
    writes: true,
    title: '修改参会企业的展位和岗位',
    labels: { boothNumber: '展位号', vacancyIds: '参会岗位' },
  }),
  'fairs.checkIn': method<{ attendance: FairAttendanceView; personRegistered: boolean }>()({
    input: z.strictObject({
      fairId: entityId,
      idNumber: z.string().max(32, '身份证号不能超过32个字符'),
      /** Only for a person not yet on file: registered through persons.register. */
      name: personName.optional(),
      phone: z.string().trim().max(20, '不能超过20个字符').optional(),
    }),
    access: 'fairs.checkIn',
    writes: true,
    title: '招聘会入场登记',
  }),
  'fairs.attendances': method<{ items: FairAttendanceView[]; total: number; page: number; pageSize: number }>()({
    input: z.strictObject({ fairId: entityId, page, pageSize }),
    access: 'fairs.read',
    writes: false,
    title: '招聘会入场人员',
  }),
  'fairs.recordIntention': method<FairAttendanceView>()({
    input: z.strictObject({ attendanceId: entityId, enterpriseId: entityId, vacancyId: entityId.nullish(), note: text(200, false).nullish() }),
    access: 'fairs.write',
    writes: true,
    title: '登记达成意向',
    labels: { enterpriseId: '意向企业', vacancyId: '意向岗位', note: '备注' },
  }),
  'fairs.setIntentionOutcome': method<FairAttendanceView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, outcome: z.enum(['intention', 'hired', 'not_hired'], '请选择结果'), outcomeOn: isoDate.nullish(), note: text(200, false).nullish() }),
    access: 'fairs.write',
    writes: true,
    title: '登记意向结果（录用/未录用）',
    labels: { outcome: '意向结果', outcomeOn: '结果日期', note: '备注' },
  }),
};
