import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';

/** 一人一档: one row per citizen, keyed by the normalised 18-digit ID number. */
export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    /** Derived from the ID number, never typed. */
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    phone: text('phone'),
    ethnicityCode: text('ethnicity_code'),
    householdType: text('household_type', { enum: ['urban', 'rural'] }),
    residenceTownshipCode: text('residence_township_code'),
    address: text('address'),
    ...rowMeta,
  },
  (t) => [
    uniqueIndex('persons_id_number').on(t.idNumber),
    index('persons_name').on(t.name),
    index('persons_phone').on(t.phone),
  ],
);
