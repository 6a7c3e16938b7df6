/**
 * Writes docs/exchange-schemas/<entity>.schema.json from the exported tables, and the
 * required fields the province checks (shared/exchange/record-fields.ts) from the same
 * schemas; a unit test checks both current.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLineSchemas, recordFieldsSource } from '../db/exchange/schemas';

const dir = join(import.meta.dirname, '..', 'docs', 'exchange-schemas');
mkdirSync(dir, { recursive: true });
for (const { fileName, schema } of allLineSchemas()) writeFileSync(join(dir, fileName), `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(join(import.meta.dirname, '..', 'shared', 'exchange', 'record-fields.ts'), recordFieldsSource());
console.log(`wrote ${allLineSchemas().length} schemas to ${dir} and shared/exchange/record-fields.ts`);
