export * from './catalogue';
export * from './enrolment';
export * from './rates';
