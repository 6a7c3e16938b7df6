/**
 * Long work that runs as a job in a thread of its own (db/job-thread.ts), or
 * inline on the desk's connection where no thread is wanted (the command
 * line, most tests). Each task takes a service context on the connection it
 * runs on, a cloneable input — never a closure over the call that started it
 * — and the job to report progress to.
 */
import type { ServiceContext } from './context';
import { importKey, runImport, type ImportKind, type ImportTaskInput } from './import/run-import';
import type { JobContext } from './jobs';
import { createBackupTask, verifyBackupTask, type BackupTaskInput } from './services/backups';
import { ENTERPRISE_IMPORT } from './services/enterprise-import';
import { exportTask } from './services/exchange';
import { FACT_IMPORTS } from './services/fact-import';
import { PERSON_IMPORT } from './services/person-import';
import { sweepTask } from './services/policy-sweep';
import { VACANCY_IMPORT } from './services/vacancy-import';

type ImportRunner = (ctx: ServiceContext, input: ImportTaskInput, job: JobContext) => Promise<unknown>;

/** Each kind bound to its own options type once, so the registry can hold kinds whose choices differ. */
const importEntry = <O>(kind: ImportKind<O>): [string, ImportRunner] => [importKey(kind), (ctx, input, job) => runImport(ctx, kind, input, job)];

const IMPORT_KINDS: Record<string, ImportRunner> = Object.fromEntries([
  importEntry(PERSON_IMPORT), importEntry(ENTERPRISE_IMPORT), importEntry(VACANCY_IMPORT), ...FACT_IMPORTS.map(importEntry),
]);

export interface TaskInputs {
  /** A spreadsheet import of persons, enterprises, vacancies or department data (db/import/run-import.ts). */
  import: ImportTaskInput;
  'backups.create': BackupTaskInput;
  'backups.verify': { folder: string };
  'exchange.export': { outboxDir: string };
  /** 政策找人: judge the persons and enterprises that are due against every policy in force. */
  'policies.sweep': Record<string, never>;
}

export type TaskName = keyof TaskInputs;

export const TASKS: { [T in TaskName]: (ctx: ServiceContext, input: TaskInputs[T], job: JobContext) => Promise<unknown> } = {
  import: (ctx, input, job) => {
    const run = IMPORT_KINDS[input.kind];
    if (!run) throw new Error(`unknown import kind ${input.kind}`);
    return run(ctx, input, job);
  },
  'backups.create': createBackupTask,
  'backups.verify': verifyBackupTask,
  'exchange.export': exportTask,
  'policies.sweep': sweepTask,
};

/** One job to run: its kind (shown and audited), the task and its input, and the lane it must have alone. */
export interface TaskSpec<T extends TaskName = TaskName> {
  kind: string;
  task: T;
  input: TaskInputs[T];
  /** Jobs of one lane run one at a time; a second is refused with `busy`. */
  lane?: { name: string; busy: string };
}
