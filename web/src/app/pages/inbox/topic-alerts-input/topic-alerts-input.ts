import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import {
  MatChipEditedEvent,
  MatChipGrid,
  MatChipInput,
  MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';

import {
  distinctTopicAlerts,
  MAX_TOPIC_ALERT_LENGTH,
  MAX_TOPIC_ALERTS,
  normalizeTopicAlert,
} from '../../../core/topic-alerts/topic-alerts';

/** Why a typed term was not added. */
export type TopicAlertProblem = 'too_long' | 'too_many' | null;

/**
 * Result of adding typed text (which may hold several comma-separated terms) to the current
 * terms, within the API's limits: at most 20 terms of at most 100 characters, no duplicates.
 */
export function addTopicAlerts(
  current: readonly string[],
  typed: string,
): { terms: string[]; rejected: string; problem: TopicAlertProblem } {
  const terms = [...current];
  const rejected: string[] = [];
  let problem: TopicAlertProblem = null;
  for (const part of typed.split(',')) {
    const term = normalizeTopicAlert(part);
    if (!term) continue;
    if (terms.some((t) => t.toLowerCase() === term.toLowerCase())) continue;
    if (term.length > MAX_TOPIC_ALERT_LENGTH) {
      problem = 'too_long';
      rejected.push(term);
    } else if (terms.length >= MAX_TOPIC_ALERTS) {
      problem ??= 'too_many';
      rejected.push(term);
    } else {
      terms.push(term);
    }
  }
  return { terms, rejected: rejected.join(', '), problem };
}

/** Topic alerts as chips: type a word or phrase, Enter or comma adds it. */
@Component({
  selector: 'app-topic-alerts-input',
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatPrefix,
    MatIcon,
    MatChipGrid,
    MatChipRow,
    MatChipRemove,
    MatChipInput,
  ],
  templateUrl: './topic-alerts-input.html',
  styleUrl: './topic-alerts-input.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopicAlertsInput {
  readonly terms = input.required<readonly string[]>();
  readonly termsChange = output<string[]>();

  protected readonly separators = [ENTER, COMMA] as const;
  protected readonly maxTerms = MAX_TOPIC_ALERTS;
  protected readonly maxLength = MAX_TOPIC_ALERT_LENGTH;
  protected readonly problem = signal<TopicAlertProblem>(null);
  protected readonly full = computed(() => this.terms().length >= MAX_TOPIC_ALERTS);

  protected add(event: MatChipInputEvent): void {
    const result = addTopicAlerts(this.terms(), event.value);
    this.problem.set(result.problem);
    // Text that could not be added stays in the field so it can be shortened.
    event.chipInput.clear();
    if (result.rejected && result.problem === 'too_long') {
      event.chipInput.inputElement.value = result.rejected;
    }
    if (result.terms.length !== this.terms().length) this.termsChange.emit(result.terms);
  }

  protected remove(term: string): void {
    this.problem.set(null);
    this.termsChange.emit(this.terms().filter((t) => t !== term));
  }

  protected edit(term: string, event: MatChipEditedEvent): void {
    const value = normalizeTopicAlert(event.value);
    if (!value) {
      this.remove(term);
      return;
    }
    if (value.length > MAX_TOPIC_ALERT_LENGTH) {
      this.problem.set('too_long');
      return;
    }
    this.problem.set(null);
    this.termsChange.emit(distinctTopicAlerts(this.terms().map((t) => (t === term ? value : t))));
  }
}
