import { describe, expect, it } from 'vitest';
import type { CaseView, StationSummaryRow, StationView, UserView } from '../../shared/contract';
import { activeUser } from './accounts-helpers';
import { actOk, colleagues, createCase, registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, MUDU, rows, XIANGXI, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27; the county is 吴中区 (320506).
function writes(ready: ReadyDesk): string {
  return ['stations', 'users', 'audit_log', 'exchange_changes'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('就业服务站: stations as data, staff at a station, cases carrying the station, the head’s breakdown', () => {
  it('refuses a station in a division the county does not have, in Chinese with nothing written', () => {
    const ready = readyDesk();
    const before = writes(ready);
    const unknown = expectError(ready.call('stations.create', { name: '外县服务站', townshipCode: '320583101', address: '某路1号' }), 'BAD_INPUT');
    expect(unknown.message).toBe('所在乡镇（街道）：区划代码 320583101 不是本县的乡镇（街道），请从列表中选择');
    expect(unknown.fields).toHaveProperty('townshipCode');
    const village = expectError(ready.call('stations.create', { name: '香溪服务站', townshipCode: MUDU.code, villageCode: '320506001012', address: '某路1号' }), 'BAD_INPUT');
    expect(village.message).toBe('所在村（社区）：区划代码 320506001012 不是木渎镇的村（社区），请从列表中选择');
    expect(expectError(ready.call('stations.create', { name: '', townshipCode: MUDU.code, address: '某路1号' }), 'BAD_INPUT').fields).toHaveProperty('name');
    expect(writes(ready)).toBe(before);
  });

  it('a clerk put at a station: the cases she accepts carry it, her station answers the form default, and the head sees the work by station', () => {
    const ready = readyDesk();
    const station = expectOk<StationView>(ready.call('stations.create', { name: '香溪社区就业服务站', townshipCode: MUDU.code, villageCode: XIANGXI.code, address: '木渎镇香溪路8号' }));
    expect(station).toMatchObject({ townshipName: '木渎镇', villageName: '香溪社区居委会', staff: [] });
    expect(expectError(ready.call('stations.create', { name: '香溪社区就业服务站', townshipCode: MUDU.code, address: '另一处' }), 'BAD_INPUT').message).toBe('服务站名称：已有名为“香溪社区就业服务站”的就业服务站');

    const clerk = activeUser(ready, 'xiangxi', ['front_desk'], '顾敏');
    expect(expectOk<StationView | null>(clerk.call('stations.mine', {}))).toBeNull();
    const account = expectOk<UserView[]>(ready.call('users.list', {})).find((u) => u.username === 'xiangxi')!;
    const placed = expectOk<UserView>(ready.call('users.setStation', { id: account.id, version: account.version, stationId: station.id }));
    expect(placed).toMatchObject({ stationId: station.id, stationName: '香溪社区就业服务站' });
    expect(expectOk<StationView | null>(clerk.call('stations.mine', {}))).toMatchObject({ id: station.id, townshipCode: MUDU.code });
    expect(expectOk<StationView[]>(ready.call('stations.list', {}))[0]!.staff).toEqual([{ id: account.id, displayName: '顾敏' }]);

    // The station's clerk registers two people and accepts one 失业登记; the hall (王芳, no station) one of each.
    const atStation = [ZHANG_SAN, LI_XIUYING].map((p) => expectOk<{ id: number }>(clerk.call('persons.register', p)).id);
    const stationCase = actOk(clerk.call, createCase(clerk.call, atStation[0]!), 'accept');
    const hallCase = actOk(ready.call, createCase(ready.call, registerPerson(ready, ZHANG_LI)), 'accept');
    const stationOf = (c: CaseView) => rows(ready, 'select station_id as s from cases where id = ?', c.id)[0]!.s;
    expect([stationOf(stationCase), stationOf(hallCase)]).toEqual([station.id, null]);

    // Other services carry the station too: the clerk's 联系记录, and a counselor's 职业指导记录 once she is put at the station.
    const contact = { personId: atStation[0]!, contactDate: '2026-11-27', kind: 'follow_up', channel: 'phone', content: '电话回访，求职意向未变' };
    expectOk(clerk.call('contacts.record', contact));
    expectOk(ready.call('contacts.record', contact));
    const counselor = activeUser(ready, 'xxzhidao', ['counselor'], '陆芸');
    const counselorAccount = expectOk<UserView[]>(ready.call('users.list', {})).find((u) => u.username === 'xxzhidao')!;
    expectOk(ready.call('users.setStation', { id: counselorAccount.id, version: counselorAccount.version, stationId: station.id }));
    expectOk(counselor.call('guidance.recordSession', { personId: atStation[1]!, sessionDate: '2026-11-27', durationMinutes: 30, mode: 'window', topics: ['job_search_skills'] }));
    expect(rows(ready, 'select station_id as s from person_contacts order by id').map((r) => r.s)).toEqual([station.id, null]);
    expect(rows(ready, 'select station_id as s from guidance_sessions').map((r) => r.s)).toEqual([station.id]);

    const { zhouqiang: head } = colleagues(ready, ['zhouqiang']);
    const summary = expectOk<{ rows: StationSummaryRow[] }>(head.call('stations.summary', { from: '2026-11-21', to: '2026-12-20' }));
    expect(summary.rows.map((r) => [r.stationName, r.casesAccepted, r.personsRegistered, r.guidanceSessions, r.contacts])).toEqual([
      ['香溪社区就业服务站', 1, 2, 1, 1],
      ['局办事大厅（未属服务站）', 1, 1, 0, 1],
    ]);
    const earlier = expectOk<{ rows: StationSummaryRow[] }>(head.call('stations.summary', { from: '2026-10-21', to: '2026-11-20' }));
    expect(earlier.rows.map((r) => r.casesAccepted + r.personsRegistered + r.guidanceSessions + r.contacts)).toEqual([0, 0]);
    expect(expectError(head.call('stations.summary', { from: '2026-12-01', to: '2026-11-01' }), 'BAD_INPUT').message).toBe('统计期止：统计期止不能早于统计期起（2026-12-01）');

    // A closed station takes no more staff.
    const closed = expectOk<StationView>(ready.call('stations.update', { id: station.id, version: station.version, name: station.name, address: station.address, status: 'closed' }));
    expect(closed.status).toBe('closed');
    expect(expectError(ready.call('users.create', { username: 'newclerk', displayName: '新人', roles: ['front_desk'], password: 'Other-2026-desk', stationId: station.id }), 'BAD_INPUT').message).toContain('已撤销');
  });
});
