export * from './sessions';
export * from './referrals';
export * from './follow-ups';
export * from './events';
