export function demoData(): string {
  return 'demo-data';
}
