/**
 * A real PostgreSQL server for one test file: initdb on a temp folder, started
 * with pg_ctl on a free port (its unix socket in the same folder), stopped and
 * removed after. No mock: the province's receiver is tested against what it
 * will run on. initdb refuses to run as root (CI often is root): then the
 * server runs as the `postgres` account Debian's package creates, on a folder
 * chowned to it. Durability is switched off (fsync=off): these are throwaway
 * clusters, and the suite must stay fast.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** initdb/pg_ctl from PATH, else Debian's /usr/lib/postgresql/<newest>/bin. */
export function postgresBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('找不到 PostgreSQL（initdb、pg_ctl）：请安装 Debian 的 postgresql 软件包（.ci/run 会自动安装）');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The account the server runs as: ourselves, or `postgres` when we are root. */
function runner(): { run: (bin: string, args: string[]) => void; owner: { uid: number; gid: number } | null } {
  if (process.getuid?.() !== 0) return { run: (bin, args) => execFileSync(bin, args, { stdio: 'pipe' }), owner: null };
  const entry = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.trim().split(':');
  if (entry.length < 4) throw new Error('以 root 运行测试时需要系统账户 postgres（安装 postgresql 软件包时创建）：initdb 不能以 root 运行');
  return {
    run: (bin, args) => execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe', cwd: '/' }),
    owner: { uid: Number(entry[2]), gid: Number(entry[3]) },
  };
}

export interface PgServer {
  /** postgres://… of the server's first database. */
  url: string;
  /** A new, empty database on the server: its postgres://… URL. */
  freshDatabase(): Promise<string>;
  stop(): void;
}

export async function startPostgres(): Promise<PgServer> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'pg-'));
  const data = join(dir, 'data');
  const { run, owner } = runner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const port = await freePort();
  const log = join(dir, 'server.log');
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'province', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', settings.join(' '), '-w', '-t', '30', 'start']);
  } catch (error) {
    const detail = existsSync(log) ? readFileSync(log, 'utf8') : String((error as { stderr?: Buffer }).stderr ?? '');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL 测试服务器未能启动：${(error as Error).message}\n${detail}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run killed half-way must not leave a server behind.
  process.once('exit', stop);
  const url = `postgres://province@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    stop,
    async freshDatabase() {
      databases += 1;
      const name = `province_${databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://province@127.0.0.1:${port}/${name}`;
    },
  };
}

/**
 * One server for the calling test file, started before its tests (initdb takes a few seconds,
 * hence the long hook timeout) and stopped after them; each test takes a database of its own.
 */
export function usePostgres(): Pick<PgServer, 'freshDatabase'> {
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());
  return {
    freshDatabase: () => {
      if (!server) throw new Error('PostgreSQL 测试服务器尚未启动：usePostgres() 须在测试文件顶层调用');
      return server.freshDatabase();
    },
  };
}
