/**
 * Export benchmark (part of `npm run bench`, run as its own process so its
 * peak RSS is the exporter's): every record of the benchmark county is sent
 * again through the real service (`exchange.exportStart`, the job staff start
 * with "export now"), then the same plaintext bytes are encrypted with the
 * raw SM4-GCM of the same library in the same 64 KiB chunks — the ratio of the
 * two times is the cost of everything around the cipher (reading records,
 * JSON, SM3 digests, files).
 *
 *   tsx scripts/bench/exchange.ts --dir .bench   → one JSON object on stdout
 *
 * The export runs in a job thread, as in the app; JOB_THREAD_ENTRY=$PWD/dist/electron/job-thread.cjs
 * (after `npm run build`; an absolute path) runs Electron's bundled threads instead of the sources
 * through tsx. Run it on a database this build has already opened (`npm run bench` does): opening
 * an older one upgrades it first, and the memory the upgrade leaves in the process would count.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';
import type { ExchangeExportResult, JobView } from '../../shared/contract';
import { publicKeyDocument } from '../../db/exchange/key-files';
import { generateSm2KeyPair, keyIdOf, openPackage } from '../../db/exchange/package-file';
import { sm4GcmEncrypt } from '../../shared/exchange/sm';
import { benchPaths, openBenchDesk, peakRssMb, rssMb } from './build-persons';

const GOAL = { exportToRawMax: 1.5, peakRssMbMax: 400 };

async function main(): Promise<void> {
  const dirArg = process.argv.indexOf('--dir');
  const paths = benchPaths(resolve(dirArg > 0 ? process.argv[dirArg + 1]! : '.bench'));
  // As the app and the host do: the export runs in a job thread, which seals in threads of its own.
  const desk = openBenchDesk(paths, undefined, process.env.JOB_THREAD_ENTRY ?? fileURLToPath(new URL('../../db/job-thread.mjs', import.meta.url)));
  const as = (method: string, input: unknown) => {
    const result = desk.callAsCommandLine(userInfo().username, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const { sqlite } = desk.database();
  // A throw-away database: forget earlier benchmark runs, so every captured change is sent again
  // (with a small page cache, so forgetting a million states does not count as the exporter's memory).
  const appCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -4096');
  sqlite.exec('delete from exchange_record_states; delete from exchange_packages; delete from exchange_keys;');
  sqlite.pragma(`cache_size = ${appCache}`);
  const outbox = join(paths.dir, 'exchange-outbox');
  rmSync(outbox, { recursive: true, force: true });
  rmSync(join(paths.dir, 'exchange'), { recursive: true, force: true });
  mkdirSync(outbox, { recursive: true });
  as('exchange.generateCountyKey', { reason: '基准测试' });
  const province = generateSm2KeyPair();
  const provinceKeyId = keyIdOf(province.publicKey);
  as('exchange.importProvinceKey', {
    fileName: 'province.pub',
    content: publicKeyDocument({ code: '320000', name: '基准测试省级', keyId: provinceKeyId, publicKey: province.publicKey, createdAt: new Date().toISOString() }),
  });
  const changes = (sqlite.prepare('select count(*) as n from exchange_changes').get() as { n: number }).n;
  const rssBefore = peakRssMb();
  // The process's peak (maxRSS) also holds what setting up the run took (opening, upgrading, forgetting
  // the states): the export's own peak is sampled while it runs, the desk's memory included.
  const rssAtStart = rssMb();
  let rssDuringExport = rssAtStart;
  const sampler = setInterval(() => (rssDuringExport = Math.max(rssDuringExport, rssMb())), 50);

  const started = process.hrtime.bigint();
  const job = as('exchange.exportStart', { outboxDir: outbox }) as JobView;
  const done = await desk.jobs.settled(job.id);
  const exportSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  if (done.state !== 'done') throw new Error(`export ${done.state}: ${done.error}`);
  const result = done.result as ExchangeExportResult;
  const exportPeakRssMb = peakRssMb();

  // The same plaintext, chunk by chunk, through the raw cipher (timing only the cipher calls).
  const envelope = await openPackage(join(outbox, result.fileName!));
  const verified = envelope.verify([{ code: envelope.claimedHeader.sender.code, keyId: envelope.claimedHeader.sender.keyId, publicKey: (sqlite.prepare("select public_key as k from exchange_keys where owner = 'county'").get() as { k: string }).k }]);
  const contents = verified.unlock({ keyId: provinceKeyId, privateKey: province.privateKey });
  const key = new Uint8Array(16).fill(7);
  const iv = new Uint8Array(12);
  const aad = new Uint8Array(64);
  let rawNs = 0n;
  let plaintextBytes = 0;
  for (const file of contents.files) {
    for await (const chunk of contents.chunks(file.name)) {
      const t = process.hrtime.bigint();
      sm4GcmEncrypt(key, iv, chunk, aad);
      rawNs += process.hrtime.bigint() - t;
      plaintextBytes += chunk.length;
    }
  }
  desk.close();
  const rawSeconds = Number(rawNs) / 1e9;
  const mib = plaintextBytes / 1048576;
  const ratio = Math.round((exportSeconds / rawSeconds) * 100) / 100;
  const report = {
    changesCaptured: changes,
    records: result.records,
    counts: result.counts,
    plaintextMb: Math.round(mib),
    packageMb: Math.round(result.size / 1048576),
    exportSeconds: Math.round(exportSeconds * 10) / 10,
    exportMiBs: Math.round((mib / exportSeconds) * 10) / 10,
    rawSm4GcmSeconds: Math.round(rawSeconds * 10) / 10,
    rawSm4GcmMiBs: Math.round((mib / rawSeconds) * 10) / 10,
    exportToRaw: ratio,
    rssBeforeExportMb: rssBefore,
    rssAtExportStartMb: rssAtStart,
    rssPeakDuringExportMb: rssDuringExport,
    peakRssMb: exportPeakRssMb,
    goal: GOAL,
    misses: [
      ...(ratio > GOAL.exportToRawMax ? [`export takes ${ratio}× the raw SM4-GCM time (goal ≤ ${GOAL.exportToRawMax}×)`] : []),
      ...(rssDuringExport > GOAL.peakRssMbMax ? [`RSS during the export peaked at ${rssDuringExport} MB (goal < ${GOAL.peakRssMbMax} MB)`] : []),
    ],
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
