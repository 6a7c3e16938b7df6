/** People registered by the integration tests (valid GB 11643 numbers). */
export const PERSON_A = { idNumber: '32050619920115004X', name: '李秀英', phone: '139 1234 5678' };
export const PERSON_B = { idNumber: '321281198512310047', name: '张丽', phone: '13800001111' };
export const PERSON_C = { idNumber: '320102199003071239', name: '张伟' };
