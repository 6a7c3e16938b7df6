/**
 * Bulk load of synthetic persons, shared by the benchmark build and the seed
 * command: rows from the person generator together with what the services
 * derive from a person row at write time (search keys, reversed phone, key
 * groups and their recheck date — see person-batches.ts). The trigram FTS
 * table and change capture fill themselves through the insert triggers.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { BatchMaker, type PersonBatch } from './person-batches';
import { PERSON_COLUMNS, type GeneratorOptions } from './person-generator';

export interface LoadPersonsOptions {
  generator: GeneratorOptions;
  persons: number;
  /** Rows per transaction. */
  batch: number;
  /**
   * Make batch k + 1 in a worker thread while this thread writes batch k. The
   * worker loads TypeScript through tsx, so only the command line and the
   * benchmark use it; the app makes its (small) demo in process.
   */
  worker: boolean;
  log: (line: string) => void;
  /** Called after each batch, and awaited: a job reports progress and yields here. */
  afterBatch?: (done: number, total: number) => Promise<void> | void;
}

interface BatchSource {
  take(): Promise<PersonBatch | null>;
  close(): Promise<void>;
}

/** Asks the worker for batches one ahead: it makes batch k + 1 while this thread writes batch k. */
class WorkerSource implements BatchSource {
  private readonly worker: Worker;
  private pending: Promise<PersonBatch> | null = null;
  private next = 1;

  constructor(options: GeneratorOptions, private readonly total: number, private readonly size: number) {
    // person-worker.mjs registers tsx in the worker, then loads person-worker.ts.
    this.worker = new Worker(new URL('./person-worker.mjs', import.meta.url), {
      workerData: options,
      // The worker holds a batch and the pinyin memo; let it collect early rather than grow.
      resourceLimits: { maxOldGenerationSizeMb: 384 },
    });
    this.request();
  }

  private request(): void {
    if (this.next > this.total) {
      this.pending = null;
      return;
    }
    const from = this.next;
    const to = Math.min(this.total, from + this.size - 1);
    this.next = to + 1;
    this.pending = new Promise((resolvePromise, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (batch: PersonBatch) => {
        this.worker.off('error', onError);
        resolvePromise(batch);
      });
      this.worker.postMessage({ from, to });
    });
  }

  async take(): Promise<PersonBatch | null> {
    if (!this.pending) return null;
    const batch = await this.pending;
    this.request();
    return batch;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The same batches made on this thread. */
class InProcessSource implements BatchSource {
  private readonly maker: BatchMaker;
  private next = 1;

  constructor(options: GeneratorOptions, private readonly total: number, private readonly size: number) {
    this.maker = new BatchMaker(options);
  }

  take(): Promise<PersonBatch | null> {
    if (this.next > this.total) return Promise.resolve(null);
    const from = this.next;
    const to = Math.min(this.total, from + this.size - 1);
    this.next = to + 1;
    return Promise.resolve(this.maker.make(from, to));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const DEFERRED_INDEX_TABLES = ['persons', 'person_search_keys', 'person_key_groups', 'person_key_group_schedule'];

/**
 * Loads persons 1 … N into an empty registry. Secondary indexes are dropped
 * and rebuilt once at the end (a sort instead of random b-tree inserts); their
 * DDL is read back from the migrated schema and replayed unchanged, so the
 * result is the schema the migrations made. The caller sets the connection's
 * synchronous mode; a failed load leaves a database to throw away.
 */
export async function loadPersons(sqlite: Database.Database, options: LoadPersonsOptions): Promise<{ keys: number; groups: number }> {
  const asOf = options.generator.today;
  const deferred = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${DEFERRED_INDEX_TABLES.map(() => '?').join(', ')}) order by name`)
    .all(...DEFERRED_INDEX_TABLES) as { name: string; sql: string }[];
  for (const index of deferred) sqlite.exec(`drop index "${index.name}"`);

  // Rows are staged in a temp table and moved with one INSERT … SELECT per batch:
  // the FTS insert trigger then runs inside one statement instead of one per
  // row (FTS5 flushes its pending terms at every statement savepoint, which
  // makes row-by-row inserts through the trigger about ten times slower).
  sqlite.exec('create temp table seed_persons as select * from persons where 0');
  const columns = PERSON_COLUMNS.join(', ');
  const stagePerson = sqlite.prepare(`insert into temp.seed_persons (${columns}) values (${PERSON_COLUMNS.map(() => '?').join(', ')})`);
  const movePersons = sqlite.prepare(`insert into main.persons (${columns}) select ${columns} from temp.seed_persons order by id`);
  const clearStage = sqlite.prepare('delete from temp.seed_persons');
  const insertKey = sqlite.prepare('insert into main.person_search_keys (key, person_id) values (?, ?)');
  const insertGroup = sqlite.prepare('insert into main.person_key_groups (person_id, code, as_of, until) values (?, ?, ?, ?)');
  const insertRecheck = sqlite.prepare('insert into main.person_key_group_schedule (person_id, recheck_on) values (?, ?)');

  let keyRows = 0;
  let groupRows = 0;
  let makeMs = 0;
  let writeMs = 0;
  let memoHits = 0;
  // Persons first, then their search keys and key groups (foreign keys), one transaction per batch.
  const writeBatch = sqlite.transaction((batch: PersonBatch) => {
    for (const row of batch.rows) stagePerson.run(row);
    movePersons.run();
    clearStage.run();
    for (const [key, id] of batch.keys) insertKey.run(key, id);
    for (const [id, code, until] of batch.groups) insertGroup.run(id, code, asOf, until);
    for (const [id, recheckOn] of batch.schedule) insertRecheck.run(id, recheckOn);
  });

  const source: BatchSource = options.worker
    ? new WorkerSource(options.generator, options.persons, options.batch)
    : new InProcessSource(options.generator, options.persons, options.batch);
  const loadStart = Date.now();
  try {
    for (let batch = await source.take(); batch; batch = await source.take()) {
      const t = performance.now();
      writeBatch(batch);
      writeMs += performance.now() - t;
      makeMs += batch.ms;
      keyRows += batch.keys.length;
      groupRows += batch.groups.length;
      memoHits = batch.memoHits;
      const elapsed = (Date.now() - loadStart) / 1000;
      options.log(
        `  persons ${batch.to}/${options.persons}  ${Math.round(batch.to / Math.max(elapsed, 0.001))}/s  ${elapsed.toFixed(1)} s (make ${(makeMs / 1000).toFixed(1)} s, sqlite ${(writeMs / 1000).toFixed(1)} s)  rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB`,
      );
      await options.afterBatch?.(batch.to, options.persons);
    }
  } finally {
    await source.close();
  }
  sqlite.exec('drop table temp.seed_persons');
  options.log(`  search keys ${keyRows} (pinyin memo hits ${memoHits}), key groups ${groupRows}`);

  for (const index of deferred) {
    const t = Date.now();
    sqlite.exec(index.sql);
    options.log(`  index ${index.name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return { keys: keyRows, groups: groupRows };
}
