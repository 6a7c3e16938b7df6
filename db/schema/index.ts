export * from './system';
export * from './audit';
export * from './persons';
export * from './cases';
export * from './enterprises';
export * from './exchange';
export * from './fairs';
export * from './statistics';
