import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { refersTo, rowMeta } from './columns';
import { persons } from './persons';
import { users } from './system';

/**
 * 满意度调查: one rating per service (a window case, a guidance session, a fair
 * attendance, a payment), linked to the person served and the staff member
 * who served; `created_by` is whoever took it (at the window or by phone).
 */
export const satisfactionRatings = sqliteTable(
  'satisfaction_ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceType: text('service_type', { enum: ['window_case', 'guidance_session', 'fair_attendance', 'payment'] }).notNull(),
    serviceId: integer('service_id').notNull(),
    personId: refersTo('person_id', () => persons.id),
    staffUserId: integer('staff_user_id').references(() => users.id),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    channel: text('channel', { enum: ['window', 'phone'] }).notNull(),
    ratedOn: text('rated_on').notNull(),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('satisfaction_ratings_service').on(t.serviceType, t.serviceId),
    index('satisfaction_ratings_rated_on').on(t.ratedOn),
    index('satisfaction_ratings_staff').on(t.staffUserId, t.ratedOn),
    index('satisfaction_ratings_person').on(t.personId),
    // The contract refuses anything else in Chinese; the database never holds it either.
    check('satisfaction_ratings_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);
