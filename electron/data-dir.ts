import { join } from 'node:path';

/**
 * Where the office's data and the host's key file live by default. The key
 * goes to a different folder from the database, so copying the data folder
 * (or a backup of it) does not copy the key.
 */
export function defaultLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string) {
  if (platform === 'win32') {
    const roaming = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return {
      dbPath: join(roaming, 'EmploymentDesk', 'data', 'desk.db'),
      keyFile: join(local, 'EmploymentDesk', 'keys', 'desk.key'),
    };
  }
  const data = env.XDG_DATA_HOME ?? join(home, '.local', 'share');
  const config = env.XDG_CONFIG_HOME ?? join(home, '.config');
  return {
    dbPath: join(data, 'employment-desk', 'data', 'desk.db'),
    // A keys/ subfolder, so the key stays apart even when XDG data and config are one folder.
    keyFile: join(config, 'employment-desk', 'keys', 'desk.key'),
  };
}
