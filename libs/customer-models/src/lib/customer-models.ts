export function customerModels(): string {
  return 'customer-models';
}
