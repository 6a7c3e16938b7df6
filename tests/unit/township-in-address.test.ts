import { describe, expect, it } from 'vitest';
import { townshipInAddress } from '../../db/divisions';

const NAMES = new Map([
  ['320506', '吴中区'],
  ['320506104', '木渎镇'],
  ['320506104001', '木渎村'],
]);

describe('the township an imported address names', () => {
  it('a roster’s 现居住地 names it at the start', () => {
    expect(townshipInAddress(NAMES, '木渎镇中山东路12号', 'start')).toBe('320506104');
    expect(townshipInAddress(NAMES, '苏州市吴中区木渎镇中山东路12号', 'start')).toBeNull();
  });

  it('an enterprise list’s address may name it after the city and county', () => {
    expect(townshipInAddress(NAMES, '苏州市吴中区木渎镇中山东路12号', 'anywhere')).toBe('320506104');
    expect(townshipInAddress(NAMES, '木渎镇中山东路12号', 'anywhere')).toBe('320506104');
  });

  it('a county or village name alone, or no address, names no township', () => {
    expect(townshipInAddress(NAMES, '吴中区宝带西路', 'anywhere')).toBeNull();
    expect(townshipInAddress(NAMES, null, 'start')).toBeNull();
    expect(townshipInAddress(NAMES, '', 'anywhere')).toBeNull();
  });
});
