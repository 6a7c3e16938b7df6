import { defineConfig } from 'drizzle-kit';

/** The province's PostgreSQL database (the county desk's SQLite schema is ../drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './province/pg/schema.ts',
  out: './province/migrations-pg',
});
