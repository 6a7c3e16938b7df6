import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contract';
import { registerPerson } from './cases-helpers';
import { CODE_A, REGISTRATION_NUMBER } from './enterprise-helpers';
import { expectError, expectOk, readyDesk } from './helpers';
import { LI_XIUYING, rows } from './registry-helpers';

const form = (employerCreditCode: string) => ({ channel: 'employer_job', employerName: '苏州吴中精工机械有限公司', employerCreditCode, startDate: '2026-11-20', contractType: 'fixed_term' });

describe('就业登记: the employer’s credit code', () => {
  it('takes a valid credit code or 15-digit 注册号 and refuses one whose check digit is wrong, writing nothing', () => {
    const ready = readyDesk();
    const personId = registerPerson(ready, LI_XIUYING);
    const create = (code: string) => ready.call('cases.create', { personId, caseType: 'employment_registration', form: form(code), documents: ['id_card', 'labour_contract'] });

    const wrong = expectError(create('91320100MA1XY8129X'), 'BAD_INPUT');
    expect(wrong.message).toBe('统一社会信用代码“91320100MA1XY8129X”不是有效的统一社会信用代码或15位注册号（校验位不符）');
    expect(rows(ready, 'select count(*) as n from cases')[0]!.n).toBe(0);

    expect(expectOk<CaseView>(create(CODE_A)).form.employerCreditCode).toBe(CODE_A);
    expectOk(ready.call('cases.update', { id: 1, version: 1, form: form(REGISTRATION_NUMBER), documents: ['id_card', 'labour_contract'] }));
  });
});
