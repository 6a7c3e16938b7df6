/**
 * `npm run drill:crash`: the crash drill (tests/drills/crash-drill.ts) at its
 * long size, 100 SIGKILLs by default.
 *
 *   npm run drill:crash [-- --kills 100] [--seed 20261206] [--broken autocommit]
 *
 * `--broken autocommit` runs the deliberately broken variant (each write's
 * statements committed one by one): the drill must report damage, and the
 * script then exits 0 only if it did.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crashDrill } from '../../tests/drills/crash-drill';
import { drillDir } from '../../tests/drills/drill-desk';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '100' }, seed: { type: 'string', default: '20261206' }, broken: { type: 'string' } } });
const broken = values.broken === 'autocommit';
const dir = drillDir('desk-crash-');
const started = Date.now();
const report = await crashDrill(dir, Number(values.kills), Number(values.seed), { broken });
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000), broken }, null, 2));
const damaged = report.damage.length > 0;
process.exit(damaged === broken ? 0 : 1);
