import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../db/errors';
import { KEY_ENV, parseKeyText, type KeyProvider } from '../../db/keys';

/** The part of Electron's safeStorage the key store uses (injected, so it is testable in Node). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Under Electron the database key is wrapped by the OS keychain (DPAPI,
 * libsecret/kwallet). If that secret is lost (Windows reinstalled, keyring
 * reset), the administrator's printed recovery key, given in
 * EMPLOYMENT_DESK_DB_KEY, opens the database and is wrapped again.
 */
export function safeStorageKeyProvider(storage: SafeStorageLike, wrappedKeyPath: string, env: NodeJS.ProcessEnv): KeyProvider {
  const requireEncryption = () => {
    if (!storage.isEncryptionAvailable()) {
      throw new AppError('DATABASE_UNAVAILABLE', '本机系统密钥服务不可用，无法安全保存数据库密钥。请联系管理员（可临时用恢复密钥设置环境变量 EMPLOYMENT_DESK_DB_KEY）。');
    }
  };
  const store = (key: Buffer) => {
    requireEncryption();
    mkdirSync(dirname(wrappedKeyPath), { recursive: true });
    const temp = `${wrappedKeyPath}.tmp`;
    writeFileSync(temp, storage.encryptString(key.toString('hex')), { mode: 0o600 });
    renameSync(temp, wrappedKeyPath);
  };
  return {
    load: () => {
      const recovery = env[KEY_ENV];
      if (recovery) {
        const key = parseKeyText(recovery, `环境变量 ${KEY_ENV} `);
        store(key);
        return key;
      }
      if (!existsSync(wrappedKeyPath)) return null;
      requireEncryption();
      try {
        return parseKeyText(storage.decryptString(readFileSync(wrappedKeyPath)), '系统密钥服务');
      } catch {
        throw new AppError('DATABASE_UNAVAILABLE', '系统密钥服务无法解开数据库密钥（可能重装了系统或更换了用户）。请使用管理员保存的恢复密钥。');
      }
    },
    create: () => {
      const key = randomBytes(32);
      store(key);
      return key;
    },
    describe: () => '系统密钥服务保存的数据库密钥',
  };
}
