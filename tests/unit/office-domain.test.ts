import { describe, expect, it } from 'vitest';
import { formatFingerprint, formatPairingCode, normalizeFingerprint, normalizePairingCode, workstationClient } from '../../shared/domain/office';

describe('办公室模式: what is read aloud and typed between host and workstation', () => {
  const hex = 'd99709369188efeec3e31eab796a7f546aed077325012166279bc3ab661561d9';

  it('shows a fingerprint as two lines of eight groups of four upper-case hex digits', () => {
    expect(formatFingerprint(hex)).toBe('D997 0936 9188 EFEE C3E3 1EAB 796A 7F54\n6AED 0773 2501 2166 279B C3AB 6615 61D9');
  });

  it('takes a fingerprint back however it was typed: groups, colons, lower case, two lines', () => {
    const grouped = formatFingerprint(hex);
    expect(normalizeFingerprint(grouped)).toBe(hex.toUpperCase());
    expect(normalizeFingerprint(hex.match(/../g)!.join(':'))).toBe(hex.toUpperCase());
    expect(normalizeFingerprint(hex.slice(1))).toBeNull();
    expect(normalizeFingerprint(`${hex.slice(1)}g`)).toBeNull();
  });

  it('shows a pairing code as 4-4 digits and reads it back with or without the dash or spaces', () => {
    expect(formatPairingCode('04829173')).toBe('0482-9173');
    expect(normalizePairingCode('0482-9173')).toBe('04829173');
    expect(normalizePairingCode(' 0482 9173 ')).toBe('04829173');
    expect(normalizePairingCode('0482-917')).toBeNull();
    expect(normalizePairingCode('abcd-efgh')).toBeNull();
  });

  it('names a workstation as a client by its id, so two PCs given one name are still two', () => {
    expect(workstationClient(3, '前台')).not.toBe(workstationClient(4, '前台'));
    expect(workstationClient(3, '前台')).toContain('前台');
  });
});
