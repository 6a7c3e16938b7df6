import { z } from 'zod';
import { GUIDANCE_EVENT_KINDS, type GuidanceEventKind } from '../domain/guidance';
import { method } from './define';
import { codesOf, entityId, page, pageSize, personName, text } from './fields';
import { isoDate } from './person-fields';

/** 团体指导活动 (讲座、工作坊、职业体验) as staff see it, with how many signed in. */
export interface GuidanceEventView {
  id: number;
  kind: GuidanceEventKind;
  kindLabel: string;
  title: string;
  eventDate: string;
  startTime: string;
  endTime: string | null;
  place: string;
  counselorUserId: number;
  counselorName: string;
  capacity: number;
  notes: string | null;
  attended: number;
  version: number;
}

/** A sign-in as staff see it: ID number and phone masked. */
export interface GuidanceEventAttendanceView {
  id: number;
  eventId: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  checkedInAt: string;
  /** 补录: recorded after the event's day from the paper list. */
  lateEntry: boolean;
  registeredAtDoor: boolean;
}

/** 画像: where one person stands, for the compact panel on the person's page. */
export interface GuidanceProfile {
  personId: number;
  keyGroups: string[];
  employmentStatus: string;
  /** The 失业登记 in force: since when, and how many days that is. */
  registration: { since: string; days: number } | null;
  /** Services received, with how many ended well where that is known. */
  services: Array<{ label: string; count: number; outcome: string | null }>;
  /** Policies enjoyed: the subsidies owed or paid, by 补贴目录 item. */
  policies: Array<{ code: string; name: string; amountFen: number; periodFrom: string; periodTo: string }>;
  /** 政策找人 findings still open (疑似符合、尚未享受). */
  openFindings: number;
  openPlanItems: Array<{ description: string; dueOn: string }>;
  openPlanItemsTotal: number;
  lastContact: { on: string; what: string; daysAgo: number } | null;
}

/** 群体画像 for the head: the registered unemployed counted by barrier and by time since registration. */
export interface GuidanceGroupCharts {
  today: string;
  total: number;
  byBarrier: Array<{ code: string; label: string; count: number }>;
  byDuration: Array<{ code: string; label: string; count: number }>;
}

export interface GuidanceGroupMember {
  personId: number;
  name: string;
  idNumberMasked: string;
  registeredOn: string;
  days: number;
}

const time = z.string().trim().max(5, '时间应为“时:分”，如 09:30');

const EVENT_LABELS = {
  kind: '活动类型', title: '活动名称', eventDate: '活动日期', startTime: '开始时间', endTime: '结束时间', place: '活动地点', counselorUserId: '主讲指导员', capacity: '名额', notes: '备注',
};

export const guidanceEventsContract = {
  'guidance.createEvent': method<GuidanceEventView>()({
    input: z.strictObject({
      kind: z.enum(codesOf(GUIDANCE_EVENT_KINDS), '请选择活动类型（讲座、工作坊、职业体验）'),
      title: text(100),
      eventDate: isoDate,
      startTime: time,
      endTime: time.nullish(),
      place: text(100),
      /** Defaults to the caller. */
      counselorUserId: entityId.optional(),
      capacity: z.number('请填写名额').int('应为整数'),
      notes: text(500, false).nullish(),
    }),
    access: 'guidance.write',
    writes: true,
    title: '新建团体指导活动（讲座、工作坊、职业体验）',
    labels: EVENT_LABELS,
  }),
  'guidance.events': method<{ items: GuidanceEventView[]; total: number; page: number; pageSize: number }>()({
    input: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), page, pageSize }),
    access: 'persons.read',
    writes: false,
    title: '团体指导活动列表',
    labels: { from: '开始日期', to: '截止日期' },
  }),
  'guidance.event': method<{ event: GuidanceEventView; attendances: GuidanceEventAttendanceView[] }>()({
    input: z.strictObject({ id: entityId }),
    access: 'persons.read',
    writes: false,
    title: '查看团体指导活动及签到名单',
  }),
  'guidance.profile': method<GuidanceProfile>()({
    input: z.strictObject({ personId: entityId }),
    access: 'persons.read',
    writes: false,
    title: '服务对象画像（重点群体、登记、服务与结果、享受政策、未完成计划、最近联系）',
  }),
  'guidance.groupCharts': method<GuidanceGroupCharts>()({
    input: z.strictObject({}),
    access: 'reports.read',
    writes: false,
    title: '群体画像：登记失业人员按就业障碍和登记时长分布',
  }),
  'guidance.groupList': method<{ title: string; items: GuidanceGroupMember[]; total: number }>()({
    input: z.strictObject({ dimension: z.enum(['barrier', 'duration'], '请选择分组'), key: z.string().trim().min(1, '必填').max(40), page, pageSize }),
    access: 'reports.read',
    writes: false,
    title: '群体画像某一组的人员名单',
    labels: { dimension: '分组', key: '组别' },
  }),
  'guidance.eventCheckIn': method<{ attendance: GuidanceEventAttendanceView; personRegistered: boolean }>()({
    input: z.strictObject({
      eventId: entityId,
      idNumber: z.string().max(32, '身份证号不能超过32个字符'),
      /** Only for a person not yet on file: registered through persons.register. */
      name: personName.optional(),
      phone: z.string().trim().max(20, '不能超过20个字符').optional(),
    }),
    access: 'guidance.checkIn',
    writes: true,
    title: '团体指导活动签到（刷身份证）',
  }),
};
