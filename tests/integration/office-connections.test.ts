import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../db/office-certificate';
import { HOST_CONNECTIONS } from '../../electron/workstation-client';
import { ADMIN, PASSWORD, expectError, expectOk } from './helpers';
import { pairedWorkstation, startOfficeHost } from './office-helpers';

/**
 * A workstation's connections to the office host: calls made at once wait
 * their turn on its kept connection instead of each paying a TLS handshake,
 * a new connection resumes the pinned TLS session instead of a full
 * handshake, and resumption never lets a host with another certificate in.
 * Real desk, real TLS on loopback.
 */
describe('a workstation\'s connections to the office host', () => {
  it('answers a burst of calls over its one kept connection, in turn, without a handshake per call', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    expect(front.client.handshakes).toMatchObject({ full: 1, resumed: 0 });

    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => front.call('persons.search', { query: i % 2 ? '李' : '王' })));
    burst.forEach((result) => expectOk(result));
    const { full, resumed } = front.client.handshakes;
    expect(full + resumed).toBeLessThanOrEqual(HOST_CONNECTIONS);
  });

  it('a connection the host dropped is made again by resuming the pinned TLS session; a restarted host cannot resume, and one with another certificate is refused', async () => {
    const host = await startOfficeHost();
    const front = await pairedWorkstation(host, '前台1号窗口');
    expectOk(await front.call('auth.login', { username: ADMIN, password: PASSWORD }));
    // The host drops the kept connection: the search is asked again on a new one, which resumes.
    host.dropNextAnswer();
    expectOk(await front.call('persons.search', { query: '李' }));
    expect(front.client.handshakes).toMatchObject({ full: 1, resumed: 1 });

    // The same host restarted (same certificate, new session keys): its old ticket offered and not taken,
    // the certificate shown again and checked against the pin, and on.
    await host.stop();
    await host.start();
    expectOk(await front.call('persons.search', { query: '李' }));
    expect(front.client.handshakes).toMatchObject({ full: 2, resumed: 1 });

    // Someone else at the host's address with a certificate of their own, while the workstation holds a session to offer.
    const servedBefore = host.served.length;
    await host.stop();
    await host.start(makeSelfSignedCertificate(['127.0.0.1'], new Date()));
    expectError(await front.call('persons.search', { query: '李' }), 'HOST_CERTIFICATE_CHANGED');
    expectError(await front.call('persons.search', { query: '李' }), 'HOST_CERTIFICATE_CHANGED');
    expect(host.served.length).toBe(servedBefore);
    expect(front.client.handshakes.resumed).toBe(1);
  });
});
