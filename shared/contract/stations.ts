import { z } from 'zod';
import { method } from './define';
import { entityId, rowVersion, text } from './fields';
import { isoDate } from './person-fields';

export interface StationView {
  id: number;
  name: string;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  villageName: string | null;
  address: string;
  status: 'active' | 'closed';
  /** The accounts that belong to the station (display names). */
  staff: { id: number; displayName: string }[];
  version: number;
}

/** One station's work in a period; the row with stationId null is the bureau's own hall. */
export interface StationSummaryRow {
  stationId: number | null;
  stationName: string;
  townshipName: string;
  casesAccepted: number;
  personsRegistered: number;
  /** 职业指导记录 and 联系记录 recorded by the station's staff in the period (they carry the station). */
  guidanceSessions: number;
  contacts: number;
}

const townshipCode = z.string().regex(/^\d{9}$/, '请从列表中选择乡镇（街道）');
const villageCode = z.string().regex(/^\d{12}$/, '请从列表中选择村（社区）');

export const stationsContract = {
  'stations.list': method<StationView[]>()({
    input: z.strictObject({}),
    access: 'stations.read',
    writes: false,
    title: '就业服务站列表',
  }),
  'stations.mine': method<StationView | null>()({
    input: z.strictObject({}),
    access: 'stations.read',
    writes: false,
    title: '本人所在的就业服务站',
  }),
  'stations.create': method<StationView>()({
    input: z.strictObject({ name: text(60), townshipCode, villageCode: villageCode.nullish(), address: text(100) }),
    access: 'stations.manage',
    writes: true,
    title: '设立就业服务站',
    labels: { name: '服务站名称', townshipCode: '所在乡镇（街道）', villageCode: '所在村（社区）', address: '地址' },
  }),
  'stations.update': method<StationView>()({
    input: z.strictObject({ id: entityId, version: rowVersion, name: text(60), address: text(100), status: z.enum(['active', 'closed'], '请选择状态') }),
    access: 'stations.manage',
    writes: true,
    title: '修改就业服务站',
    labels: { name: '服务站名称', address: '地址', status: '状态' },
  }),
  'stations.summary': method<{ from: string; to: string; rows: StationSummaryRow[] }>()({
    input: z.strictObject({ from: isoDate, to: isoDate }),
    access: 'reports.read',
    writes: false,
    title: '按服务站统计（受理业务、登记人员、职业指导、联系记录）',
    labels: { from: '统计期起', to: '统计期止' },
  }),
};
