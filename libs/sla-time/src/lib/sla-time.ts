export function slaTime(): string {
  return 'sla-time';
}
