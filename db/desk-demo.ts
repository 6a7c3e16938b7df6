import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeskState, JobView } from '../shared/contract';
import { CONSOLE_LINES } from '../shared/labels/console-lines';
import { demoKey, demoPaths, removeDemo, type DemoPaths } from './demo-files';
import type { DeskOptions } from './desk-options';
import { AppError } from './errors';
import type { JobRunner } from './jobs';
import { openDatabase, type OpenedDatabase } from './open';

/** What the demo county needs of the desk that opens it (db/desk.ts). */
export interface DemoHost {
  readonly options: DeskOptions;
  readonly jobs: JobRunner;
  clock(): Date;
  log(message: string, error?: unknown): void;
  /** The native binding to open databases with, when the shell names one. */
  native(): { nativeBinding?: string };
  /** Another desk holds the database (db/desk-lock.ts): its message, else null. */
  inUseReason(): string | null;
  state(): { state: DeskState };
  /** A database is open (the bureau's own, set up while the demo was being built). */
  hasOpenDatabase(): boolean;
  /** Takes the opened demo as the desk's database. */
  adopt(opened: OpenedDatabase, key: Buffer): void;
  /** Closes the open database and ends every session. */
  closeDatabase(): void;
}

/**
 * 演示县 on a computer without the bureau's database (db/demo.ts builds it):
 * opened as a job, opened again at the next start while it is left there, and
 * closed and deleted on 退出演示 once the call that asked has returned.
 */
export class DemoCounty {
  /** The open database is the demo county, not the bureau's own. */
  private open = false;
  private jobId: string | null = null;
  private leaveAfterCall = false;

  constructor(private readonly host: DemoHost) {}

  private get paths(): DemoPaths {
    return demoPaths(dirname(this.host.options.dbPath));
  }

  /** True while the open database is the demo county's file. */
  isOpen(): boolean {
    return this.open;
  }

  /** The demo's own folder (exchange packages …) while it is open. */
  dir(): string {
    return this.paths.dir;
  }

  /** Without the bureau's database, a demo left open last time opens again. */
  reopen(): void {
    const paths = this.paths;
    try {
      const key = demoKey(paths);
      if (!key) return;
      this.host.adopt(openDatabase({ path: paths.dbPath, key, migrationsDir: this.host.options.migrationsDir, now: this.host.clock(), ...this.host.native() }), key);
      this.open = true;
    } catch (error) {
      // A demo that cannot be opened (older app, damaged file) is only thrown away: it holds nothing real.
      this.host.log(CONSOLE_LINES.demoRemoved, error);
      removeDemo(paths);
    }
  }

  /**
   * 打开演示县: builds the demo county as a job and opens it, only while this
   * computer has no database of its own. Progress is read with job().
   */
  start(): JobView {
    const { host } = this;
    const inUse = host.inUseReason();
    if (inUse) throw new AppError('CONFLICT', inUse);
    if (host.state().state !== 'uninitialized' || existsSync(host.options.dbPath)) {
      throw new AppError('ALREADY_INITIALIZED', '本机已经建立了数据库，不能再打开演示县');
    }
    const running = this.job();
    if (running?.state === 'running') return running;
    const buildDemo = host.options.demo;
    if (!buildDemo) throw new AppError('CONFLICT', '此程序未提供演示县');
    const paths = this.paths;
    const view = host.jobs.start('demo', null, async (job) => {
      await buildDemo({
        paths,
        migrationsDir: host.options.migrationsDir,
        resourcesDir: host.options.resourcesDir,
        appVersion: host.options.appVersion,
        ...host.native(),
        now: host.clock(),
        job,
      });
      // Someone set up the real database meanwhile: it wins, and the demo is discarded.
      if (host.hasOpenDatabase() || existsSync(host.options.dbPath)) {
        removeDemo(paths);
        throw new AppError('ALREADY_INITIALIZED', '本机已经建立了数据库，演示县未打开');
      }
      this.reopen();
      if (!this.open) throw new AppError('DATABASE_UNAVAILABLE', '演示县数据未能打开，请重试');
      return { opened: true };
    });
    this.jobId = view.id;
    return view;
  }

  /** The latest demo job, for the first-start screen's progress bar. */
  job(): JobView | null {
    return this.jobId ? this.host.jobs.get(this.jobId, null) : null;
  }

  /** 退出演示: asked during a call, which runs inside a transaction on the demo; done by finishLeaving after it. */
  leave(): void {
    if (!this.open) throw new AppError('CONFLICT', '当前打开的不是演示县，不能退出演示');
    this.leaveAfterCall = true;
  }

  /** After each call: closes and deletes the demo when the call asked to leave it; true if it did. */
  finishLeaving(): boolean {
    if (!this.leaveAfterCall) return false;
    this.leaveAfterCall = false;
    this.host.closeDatabase();
    this.open = false;
    removeDemo(this.paths);
    return true;
  }

  /** The desk closed its database. */
  closed(): void {
    this.open = false;
  }
}
