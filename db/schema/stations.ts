import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';

/**
 * 就业服务站 (community employment service stations): a station in a township
 * (乡镇/街道) or a village/community (村/社区) of the county, with its address.
 * Staff accounts belong to a station (users.station_id); cases accepted by
 * them carry it (cases.station_id), so the head can break the work down by
 * station. This file imports no other table, so users and cases can refer to it.
 */
export const stations = sqliteTable(
  'stations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The township (9-digit GB/T 2260 division code) the station serves. */
    townshipCode: text('township_code').notNull(),
    /** The village or community (12 digits) when the station sits in one; null for a township's own station. */
    villageCode: text('village_code'),
    address: text('address').notNull(),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    ...rowMeta,
  },
  (t) => [uniqueIndex('stations_name').on(t.name), index('stations_township').on(t.townshipCode)],
);
