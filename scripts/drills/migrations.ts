/**
 * `npm run drill:migrations`: the migration drill (tests/drills/migration-drill.ts)
 * at its long size — every past schema version filled with the whole demo
 * county (5,000 persons, their cases, contacts, enterprises, fairs, policy
 * findings, the audit log and the exchange's change log), migrated to today's.
 *
 *   npm run drill:migrations [-- --rows-per-table N]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { drillDir } from '../../tests/drills/drill-desk';
import { buildSource, migrationDrill } from '../../tests/drills/migration-drill';

const { values } = parseArgs({ options: { 'rows-per-table': { type: 'string' } } });
const dir = drillDir('desk-migrate-');
const started = Date.now();
const source = await buildSource(dir);
const built = Date.now();
const rowsPerTable = values['rows-per-table'] ? Number(values['rows-per-table']) : undefined;
const reports = migrationDrill(dir, source, rowsPerTable ? { rowsPerTable } : {});
rmSync(dir, { recursive: true, force: true });
for (const r of reports) console.log(`v${r.version} (${r.tag}): ${r.tables} tables, ${r.rows} rows → ${r.problems.length === 0 ? 'kept' : r.problems.join('; ')}`);
console.log(`demo county built in ${Math.round((built - started) / 1000)} s, ${reports.length} versions drilled in ${Math.round((Date.now() - built) / 1000)} s`);
process.exit(reports.every((r) => r.problems.length === 0) ? 0 : 1);
