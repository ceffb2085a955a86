export * from './lib/sla-time';
