import { AppError } from '../../db/errors';
import type { KeyProvider } from '../../db/keys';
import type { DeskKeySource } from '../desk-protocol';

/**
 * Electron keeps the database key wrapped by safeStorage, a main-process API,
 * so main unwraps it and hands the raw key to the desk thread. Before the
 * first run main makes (and wraps) the key the new database will use; an
 * existing database without a readable key gets none, and the thread shows
 * the recovery screen with the reason — never a fresh key for an old file.
 */
export function keySourceFor(keys: KeyProvider, databaseExists: boolean): DeskKeySource {
  try {
    const key = keys.load() ?? (databaseExists ? null : keys.create());
    return { kind: 'key', key, describe: keys.describe() };
  } catch (error) {
    return { kind: 'key', key: null, describe: keys.describe(), problem: error instanceof AppError ? error.message : '无法读取数据库密钥' };
  }
}
