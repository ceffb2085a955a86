import { Pipe, PipeTransform } from '@angular/core';

/** `senior_agent` → `Senior agent`, `damaged_or_wrong_item` → `Damaged or wrong item`. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

@Pipe({ name: 'humanize' })
export class HumanizePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return humanize(value);
  }
}
