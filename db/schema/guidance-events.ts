import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { persons } from './persons';
import { users } from './system';

/**
 * 团体指导 (group guidance): a 讲座, 工作坊 or 职业体验 on one day, led by a
 * counselor, with its attendance taken by ID card at the door as a fair's is.
 */
export const guidanceEvents = sqliteTable(
  'guidance_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['lecture', 'workshop', 'job_experience'] }).notNull(),
    title: text('title').notNull(),
    eventDate: text('event_date').notNull(),
    /** Office time `HH:MM`. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    place: text('place').notNull(),
    counselorUserId: refersTo('counselor_user_id', () => users.id),
    /** Seats; the door refuses the one past it. */
    capacity: integer('capacity').notNull(),
    notes: text('notes'),
    ...rowMeta,
  },
  (t) => [index('guidance_events_date').on(t.eventDate), index('guidance_events_counselor_date').on(t.counselorUserId, t.eventDate)],
);

/** 签到: one per person and event; after the event's day only as 补录, within the days the administrator allows. */
export const guidanceEventAttendances = sqliteTable(
  'guidance_event_attendances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: refersTo('event_id', () => guidanceEvents.id),
    personId: refersTo('person_id', () => persons.id),
    checkedInAt: text('checked_in_at').notNull(),
    /** Recorded after the event's day from the paper list (补录): the person attended on the event's day. */
    lateEntry: integer('late_entry', { mode: 'boolean' }).notNull().default(false),
    /** The person was first registered at the door. */
    registeredAtDoor: integer('registered_at_door', { mode: 'boolean' }).notNull().default(false),
    ...rowMeta,
  },
  (t) => [uniqueIndex('guidance_event_attendances_event_person').on(t.eventId, t.personId), index('guidance_event_attendances_person').on(t.personId)],
);
