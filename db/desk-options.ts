import type { RpcResult } from '../shared/rpc';
import type { DemoBuilder } from './demo-files';
import type { KeyProvider } from './keys';

/** How a desk (db/desk.ts) is made, and what one call answers. */
export interface DeskOptions {
  dbPath: string;
  keys: KeyProvider;
  migrationsDir: string;
  resourcesDir: string;
  appVersion: string;
  nativeBinding?: string;
  /**
   * The job thread's entry (db/job-thread.mjs from sources, the bundled
   * job-thread.cjs under Electron): imports, exports and backups then run in
   * threads of their own; without it they run on this desk's event loop.
   */
  jobThreadEntry?: string | URL;
  /**
   * Builds the demo county for 打开演示县 (db/demo.ts `buildDemo`), given by the
   * shells that offer it; without it the desk offers no demo, and never
   * imports the seeder.
   */
  demo?: DemoBuilder;
  /**
   * Who holds the database's lock file while this desk runs (named to a second
   * desk that is refused: 主程序, 浏览器服务, 命令行 …); false for the command
   * line's read-only and backup commands, which may run beside a running desk.
   */
  lock?: string | false;
  /** Injectable clock for tests of dates and time limits. */
  clock?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** The client of a call that does not say where it came from (tests, scripts). */
export const UNNAMED_CLIENT = '未注明的终端';

export type SessionChange = { set: string } | { clear: true } | null;

export interface CallOutcome {
  result: RpcResult<unknown>;
  session: SessionChange;
}

