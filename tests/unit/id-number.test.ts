import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isRealDate, normalizeIdNumber, parseIdNumber } from '../../shared/domain/id-number';
import {
  BAD_PROVINCE_ID,
  BORN_TODAY_ID,
  FUTURE_BIRTH_ID,
  IMPOSSIBLE_DATE_ID,
  LEGACY_15,
  LEGACY_15_B,
  SEVENTEEN_CHARS_ID,
  TODAY,
  TOMORROW_BIRTH_ID,
  VALID_IDS,
  WRONG_CHECKSUM_ID,
} from '../fixtures/people';

function problemOf(raw: string, today = TODAY): string {
  const result = parseIdNumber(raw, today);
  return result.ok ? 'accepted' : result.problem;
}

describe('resident ID numbers (GB 11643-1999)', () => {
  it.each(VALID_IDS)('accepts $id and reads birth date, sex and region from it', ({ id, birthDate, sex, regionCode }) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: true, idNumber: id, birthDate, sex, regionCode, convertedFrom15: false });
  });

  it('reads the sex from the 17th digit: odd is male, even is female', () => {
    const male = parseIdNumber('320102199003071239', TODAY);
    const female = parseIdNumber('32050619920115004X', TODAY);
    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
  });

  it('refuses a mistyped check char', () => {
    expect(problemOf(WRONG_CHECKSUM_ID)).toBe('checksum');
  });

  it('refuses a birth date that does not exist (2001-02-29), which id-validator wrongly accepts', () => {
    expect(problemOf(IMPOSSIBLE_DATE_ID)).toBe('birthDate');
  });

  it('refuses a number one digit short', () => {
    expect(problemOf(SEVENTEEN_CHARS_ID)).toBe('length');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['3201021990030712391', 'length'],
    ['32010219900307123A', 'characters'],
    ['3201021990X3071239', 'characters'],
    ['32010290030712X', 'characters'],
  ])('classifies %j as %s', (raw, problem) => {
    expect(problemOf(raw)).toBe(problem);
  });

  it('converts a 15-digit legacy number to 18 digits ("19" after the region, then the check char)', () => {
    expect(parseIdNumber(LEGACY_15.id15, TODAY)).toEqual({
      ok: true,
      idNumber: LEGACY_15.id18,
      birthDate: '1990-03-07',
      sex: 'male',
      regionCode: '320102',
      convertedFrom15: true,
    });
    const other = parseIdNumber(LEGACY_15_B.id15, TODAY);
    expect(other.ok && other.idNumber).toBe(LEGACY_15_B.id18);
    expect(other.ok && other.birthDate).toBe('1965-01-01');
  });

  it('refuses a 15-digit number whose date does not exist', () => {
    expect(problemOf('320102900230123')).toBe('birthDate');
  });

  it('accepts full-width digits pasted from Word or an ID-card reader', () => {
    const result = parseIdNumber('３２０１０２１９９００３０７１２３９', TODAY);
    expect(result.ok && result.idNumber).toBe('320102199003071239');
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const result = parseIdNumber('32050619920115004x', TODAY);
    expect(result.ok && result.idNumber).toBe('32050619920115004X');
  });

  it('ignores spaces around and inside the number', () => {
    const result = parseIdNumber(' 320506 19920115 004X\t', TODAY);
    expect(result.ok && result.idNumber).toBe('32050619920115004X');
  });

  it('refuses an unknown province prefix even with a correct check char', () => {
    expect(problemOf(BAD_PROVINCE_ID)).toBe('province');
  });

  it('accepts the retired county codes still printed on old cards (海门市 320684)', () => {
    // 32068419800101001 → S mod 11 = 4 → check char '8'
    expect(problemOf('320684198001010018')).toBe('accepted');
  });

  it('refuses a birth date after today, judged against the injected date', () => {
    expect(problemOf(FUTURE_BIRTH_ID)).toBe('futureBirthDate');
    expect(problemOf(TOMORROW_BIRTH_ID, '2026-11-27')).toBe('futureBirthDate');
    expect(problemOf(TOMORROW_BIRTH_ID, '2026-11-28')).toBe('accepted');
    expect(problemOf(BORN_TODAY_ID, '2026-11-27')).toBe('accepted');
  });

  it('computes check chars for known vectors', () => {
    expect(idNumberCheckChar('32010219900307123')).toBe('9');
    expect(idNumberCheckChar('32050619920115004')).toBe('X');
    expect(idNumberCheckChar('32128119851231004')).toBe('7');
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('knows which calendar dates exist', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2001, 2, 29)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 0, 10)).toBe(false);
  });

  it('normalises full-width letters, spaces and case', () => {
    expect(normalizeIdNumber(' ３２０５０６１９９２０１１５００４ｘ ')).toBe('32050619920115004X');
  });
});
