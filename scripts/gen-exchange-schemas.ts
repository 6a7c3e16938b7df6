/** Writes docs/exchange-schemas/<entity>.schema.json from the exported tables (checked current by a unit test). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLineSchemas } from '../db/exchange/schemas';

const dir = join(import.meta.dirname, '..', 'docs', 'exchange-schemas');
mkdirSync(dir, { recursive: true });
for (const { fileName, schema } of allLineSchemas()) writeFileSync(join(dir, fileName), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${allLineSchemas().length} schemas to ${dir}`);
