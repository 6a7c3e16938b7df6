/**
 * `npm run fuzz`: the contract fuzz (tests/drills/contract-fuzz.ts) at its long
 * size, 100,000 calls by default, on a fresh desk in a temp folder.
 *
 *   npm run fuzz [-- --calls 100000] [--seed 20261206] [--keep true]
 *
 * Prints a JSON report; exits 1 when anything was found (each finding names
 * the method, who called, what was wrong and the input), so the seed replays it.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ContractFuzz } from '../../tests/drills/contract-fuzz';
import { drillDir, openDrillDesk } from '../../tests/drills/drill-desk';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '100000' }, seed: { type: 'string', default: '20261206' }, keep: { type: 'string', default: 'false' } } });
const dir = drillDir('desk-fuzz-');
const drill = openDrillDesk(dir);
const fuzz = new ContractFuzz(drill, Number(values.seed));
const started = Date.now();
fuzz.prepare();
const report = await fuzz.run(Number(values.calls), (done) => process.stderr.write(`${done} calls, ${Math.round((Date.now() - started) / 1000)} s\n`));
drill.desk.close();
if (values.keep !== 'true') rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ...report, findings: report.findings.slice(0, 50), findingCount: report.findings.length }, null, 2));
process.exit(report.findings.length === 0 ? 0 : 1);
