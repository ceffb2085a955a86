export * from './lib/api';
export * from './lib/domain';
export * from './lib/jobs';
export * from './lib/permissions';
