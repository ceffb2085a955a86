export function text(): string {
  return 'text';
}
