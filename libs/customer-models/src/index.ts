export * from './lib/customer-models';
