import { describe, expect, it } from 'vitest';
import type { DeskSettings, PersonAccessReport, SetupStatus } from '../../shared/contract';
import { registerPerson } from './cases-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, rows } from './registry-helpers';

describe('the name on letterheads and seals (系统设置 → 机构名称)', () => {
  it('prints the county’s 人社局 by default, the administrator’s name once set, and the default again when cleared; bad names change nothing', () => {
    const ready = readyDesk();
    const letterhead = () => expectOk<SetupStatus>(ready.call('setup.status', {})).bureauName;
    expect(letterhead()).toBe('吴中区人力资源和社会保障局');
    expect(expectOk<DeskSettings>(ready.call('settings.get', {}))).toMatchObject({ bureauName: null, defaultBureauName: '吴中区人力资源和社会保障局' });

    const saved = expectOk<DeskSettings>(ready.call('settings.update', { idleLockMinutes: 10, bureauName: '  苏州市吴中区就业服务中心 ' }));
    expect(saved.bureauName).toBe('苏州市吴中区就业服务中心');
    expect(letterhead()).toBe('苏州市吴中区就业服务中心');
    const personId = registerPerson(ready, LI_XIUYING);
    expect(expectOk<PersonAccessReport>(ready.call('audit.personAccessReport', { personId })).bureauName).toBe('苏州市吴中区就业服务中心');

    const audits = () => rows(ready, "select count(*) as n from audit_log where action = 'settings.update'")[0]!.n;
    const before = audits();
    expect(expectError(ready.call('settings.update', { idleLockMinutes: 10, bureauName: '中心' }), 'BAD_INPUT').message).toBe('机构名称：至少4个字');
    expect(expectError(ready.call('settings.update', { idleLockMinutes: 10, bureauName: '某'.repeat(41) }), 'BAD_INPUT').message).toBe('机构名称：不能超过40个字');
    expect(letterhead()).toBe('苏州市吴中区就业服务中心');
    expect(audits()).toBe(before);

    // Changing only the lock time keeps the name; a blank name returns to the default.
    expectOk(ready.call('settings.update', { idleLockMinutes: 15 }));
    expect(letterhead()).toBe('苏州市吴中区就业服务中心');
    expectOk(ready.call('settings.update', { idleLockMinutes: 15, bureauName: '' }));
    expect(letterhead()).toBe('吴中区人力资源和社会保障局');
  });
});
