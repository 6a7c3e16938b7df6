import { describe, expect, it } from 'vitest';
import { enterpriseValueText, personValueText } from '../../shared/labels/correction-values';
import { industryDivisionLabel } from '../../shared/domain/industry';

const DIVISIONS = new Map([['320506101', '长桥街道']]);
const text = (field: string, value: string | null) => personValueText(field, value, DIVISIONS);

describe('更正记录 values as staff read them', () => {
  it('names coded values instead of showing the stored codes', () => {
    expect(text('employmentStatus', 'unemployed_unregistered')).toBe('未就业（未登记失业）');
    expect(text('employmentStatus', 'unemployed_registered')).toBe('登记失业');
    expect(text('householdType', 'rural')).toBe('农村');
    expect(text('sex', 'female')).toBe('女');
    expect(text('educationCode', '60')).toBe('普通高中');
    expect(text('lowIncomeStatus', 'dibao')).toBe('低保');
    expect(text('isVeteran', 'true')).toBe('是');
    expect(text('isVeteran', '0')).toBe('否');
  });

  it('gives divisions their names, fen as yuan and disability grades in words', () => {
    expect(text('residenceTownshipCode', '320506101')).toBe('长桥街道');
    expect(text('householdDivisionCode', '110101001')).toBe('110101001');
    expect(text('intendedSalaryMinFen', '450000')).toBe('4,500.00 元');
    expect(text('disabilityGrade', '2')).toBe('2级');
  });

  it('shows free text, unknown codes and null as they are', () => {
    expect(text('address', '长桥街道龙桥路8号')).toBe('长桥街道龙桥路8号');
    expect(text('employmentStatus', 'something_new')).toBe('something_new');
    expect(text('educationCode', null)).toBeNull();
  });
});

describe('enterprise 更正记录 values as staff read them', () => {
  const enterpriseText = (field: string, value: string | null) => enterpriseValueText(field, value, DIVISIONS);
  it('names size, ownership, status, industry, township and flags', () => {
    expect(enterpriseText('sizeClass', 'small')).toBe('小型');
    expect(enterpriseText('ownershipCode', 'private')).toBe('私营');
    expect(enterpriseText('status', 'closed')).toBe('已注销/迁出');
    expect(enterpriseText('industryDivision', '13')).toBe(industryDivisionLabel('13'));
    expect(enterpriseText('industryDivision', '13')).toMatch(/[\u4e00-\u9fff]/);
    expect(enterpriseText('townshipCode', '320506101')).toBe('长桥街道');
    expect(enterpriseText('isSpecialized', 'true')).toBe('是');
    expect(enterpriseText('name', '苏州吴中精工机械有限公司')).toBe('苏州吴中精工机械有限公司');
  });
});
