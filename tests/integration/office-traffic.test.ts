import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadWorkstationConfig, saveWorkstationConfig } from '../../electron/workstation-pairing';
import type { PersonSearchResult, PersonView } from '../../shared/contract';
import { ADMIN, PASSWORD, expectOk, tempDir } from './helpers';
import { pairedWorkstation, startOfficeHost, workstationFor } from './office-helpers';
import { PERSON_A } from './persons-data';

/** A TCP relay between workstations and the host that keeps every byte, both ways, as a capture on the LAN would. */
async function capturingRelay(targetPort: number): Promise<{ port: number; captured: () => Buffer }> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const relay = createServer((inbound) => {
    const outbound = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    inbound.on('data', (c: Buffer) => (chunks.push(c), outbound.write(c)));
    outbound.on('data', (c: Buffer) => (chunks.push(c), inbound.write(c)));
    inbound.on('end', () => outbound.end());
    outbound.on('end', () => inbound.end());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        relay.close(() => resolve());
      }),
  );
  return { port: (relay.address() as AddressInfo).port, captured: () => Buffer.concat(chunks) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('what leaves the host and what stays at a workstation', () => {
  it('a captured session between a workstation and the host holds no ID number, name or password in clear', async () => {
    const host = await startOfficeHost();
    const relay = await capturingRelay(host.port);
    const front = await pairedWorkstation(host, '前台1号窗口', relay.port);
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const person = expectOk<PersonView>(await front.call('persons.register', PERSON_A));
    expectOk<PersonSearchResult>(await front.call('persons.search', { query: PERSON_A.idNumber }));
    expectOk<{ value: string }>(await front.call('persons.reveal', { id: person.id, field: 'idNumber' }));

    const wire = relay.captured();
    expect(wire.length).toBeGreaterThan(2000);
    for (const secret of [PERSON_A.idNumber, PERSON_A.idNumber.slice(0, 14), PASSWORD, front.config.credential]) {
      expect(wire.includes(Buffer.from(secret, 'utf8')), `"${secret.slice(0, 4)}…" crossed the wire in clear`).toBe(false);
    }
    expect(wire.includes(Buffer.from(PERSON_A.name, 'utf8'))).toBe(false);
  });

  it('after a session, no file under the workstation’s data folder holds a registered ID number', async () => {
    const host = await startOfficeHost();
    const dataDir = tempDir('desk-workstation-');
    const paired = await pairedWorkstation(host, '前台1号窗口');
    saveWorkstationConfig(dataDir, paired.config);
    // The workstation starts again from what it saved, as its shell does.
    const front = workstationFor(loadWorkstationConfig(dataDir)!);
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    const person = expectOk<PersonView>(await front.call('persons.register', PERSON_A));
    expectOk(await front.call('persons.get', { id: person.id }));
    expectOk(await front.call('persons.reveal', { id: person.id, field: 'idNumber' }));
    expectOk(await front.call('auth.logout', {}));

    const files = filesUnder(dataDir);
    expect(files.map((f) => f.slice(dataDir.length + 1))).toEqual(['workstation.json']);
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
    for (const file of files) {
      const content = readFileSync(file);
      expect(content.includes(Buffer.from(PERSON_A.idNumber))).toBe(false);
      expect(content.includes(Buffer.from(PERSON_A.name))).toBe(false);
    }
  });
});
