import { describe, expect, it } from 'vitest';
import { isLivePush, shouldPush } from '../../electron/shell/live-channel';
import { refreshes, scopesOf } from '../../renderer/api/live-scopes';
import { contract, type MethodName } from '../../shared/contract';
import { announcesChange, liveTopicOf, parseLiveEvent } from '../../shared/live';

describe('which change a write announces (shared/live.ts)', () => {
  it('a write announces its domain; the fair’s door has a topic of its own', () => {
    expect(liveTopicOf('cases.transition')).toBe('cases');
    expect(liveTopicOf('persons.update')).toBe('persons');
    expect(liveTopicOf('fairs.checkIn')).toBe('fairs.door');
    expect(liveTopicOf('fairs.setIntentionOutcome')).toBe('fairs.door');
    expect(liveTopicOf('fairs.update')).toBe('fairs');
  });

  it('signing in, exports and the start of a job announce nothing; the finished job does', () => {
    for (const name of ['auth.login', 'auth.logout', 'setup.initialize', 'persons.exportXlsx', 'audit.exportXlsx', 'persons.importStart', 'policies.sweepStart']) {
      expect(liveTopicOf(name), name).toBeNull();
    }
    expect(liveTopicOf('policies.sweep')).toBe('policies');
    expect(liveTopicOf('persons.import')).toBe('persons');
    expect(liveTopicOf('demo')).toBeNull();
  });

  it('no read announces anything', () => {
    for (const name of Object.keys(contract) as MethodName[]) if (!contract[name].writes) expect(announcesChange(name), name).toBe(false);
    expect(announcesChange('cases.transition')).toBe(true);
  });

  it('a received event passes only as a known topic and a time', () => {
    expect(parseLiveEvent({ topic: 'cases', at: '2026-12-06T02:00:00.000Z' })).toEqual({ topic: 'cases', at: '2026-12-06T02:00:00.000Z' });
    expect(parseLiveEvent({ topic: 'cases', at: 'x', idNumber: '32050619920115004X' })).toBeNull();
    expect(parseLiveEvent({ topic: 'auth', at: 'x' })).toBeNull();
    expect(parseLiveEvent({ topic: 'nonsense', at: 'x' })).toBeNull();
    expect(parseLiveEvent('cases')).toBeNull();
  });
});

describe('what a window refetches (renderer/api/live.ts)', () => {
  it('a case accepted elsewhere refreshes the queue, the 工作台 counts and the applicant’s timeline', () => {
    expect(refreshes(['cases.list', 'open'], ['cases'])).toBe(true);
    expect(refreshes(['reports.dashboard'], ['cases'])).toBe(true);
    expect(refreshes(['reports.caseQueue', {}], ['cases'])).toBe(true);
    expect(refreshes(['persons.timeline', 3], ['cases'])).toBe(true);
    expect(refreshes(['fairs.attendances', 1, 1], ['cases'])).toBe(false);
  });

  it('a check-in refreshes only the door list and the fair', () => {
    expect(scopesOf('fairs.door')).toEqual(['fairs.attendances', 'fairs.get']);
    expect(refreshes(['fairs.attendances', 1, 1], ['fairs.door'])).toBe(true);
    expect(refreshes(['fairs.list', 'open'], ['fairs.door'])).toBe(false);
  });

  it('never re-reads what is audited as viewed (a profile, a revealed number, an attachment), nor the session', () => {
    for (const key of [['persons.get', 1], ['persons.reveal', 1], ['cases.readAttachment', 2], ['auth.session']]) {
      expect(refreshes(key, ['persons', 'cases']), String(key[0])).toBe(false);
      expect(refreshes(key, 'all'), String(key[0])).toBe(false);
    }
    expect(refreshes(['enterprises.get', 1], 'all')).toBe(true);
  });
});

describe('the push channel to the window (electron/shell/live-channel.ts)', () => {
  it('passes a topic and a time, nothing longer or more', () => {
    expect(isLivePush({ topic: 'fairs.door', at: '2026-12-06T02:00:00.000Z' })).toBe(true);
    expect(isLivePush({ topic: 'cases', at: 'x', name: '李秀英' })).toBe(false);
    expect(isLivePush({ topic: '32050619920115004X', at: 'x' })).toBe(false);
    expect(isLivePush(null)).toBe(false);
  });

  it('only a signed-in window hears changes', () => {
    const sessions = new Map([[7, 'session-id']]);
    expect(shouldPush(sessions, 7)).toBe(true);
    expect(shouldPush(sessions, 8)).toBe(false);
  });
});
