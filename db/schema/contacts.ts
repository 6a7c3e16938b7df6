import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { vacancies } from './enterprises';
import { persons } from './persons';
import { stations } from './stations';
import { users } from './system';

/**
 * 联系记录: every contact of the bureau's staff with a person (follow-up
 * calls, counseling sessions, job referrals, policy and training advice).
 * A county gathers hundreds of thousands, so every list reads them through an
 * index by person and date, or by date, and pages.
 */
export const personContacts = sqliteTable(
  'person_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: refersTo('person_id', () => persons.id),
    contactDate: text('contact_date').notNull(),
    kind: text('kind', { enum: ['follow_up', 'counseling', 'job_referral', 'policy_info', 'training_referral', 'other'] }).notNull(),
    channel: text('channel', { enum: ['visit', 'phone', 'sms', 'wechat', 'home_visit'] }).notNull(),
    staffUserId: refersTo('staff_user_id', () => users.id),
    /** 岗位推荐 to a posted vacancy, when there is one. */
    vacancyId: integer('vacancy_id').references(() => vacancies.id),
    content: text('content').notNull(),
    outcome: text('outcome'),
    /** The 就业服务站 of the staff member who had the contact, as it stood that day (null: the bureau's hall). */
    stationId: integer('station_id').references(() => stations.id),
    ...rowMeta,
  },
  (t) => [
    index('person_contacts_person_date').on(t.personId, t.contactDate),
    index('person_contacts_date').on(t.contactDate),
    index('person_contacts_staff_date').on(t.staffUserId, t.contactDate),
  ],
);
