import { CurrencyPipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { ScoreBreakdown as Breakdown } from '@quimbi/contracts';

import { HumanizePipe } from '../../../shared/humanize.pipe';

export type BreakdownComponent = keyof Breakdown['components'];

/** Display order: who the customer is, then how urgent, then how long, then modifiers. */
export const BREAKDOWN_COMPONENTS: readonly BreakdownComponent[] = [
  'churn_risk',
  'customer_value',
  'urgency',
  'age',
  'sla',
  'sentiment',
  'difficulty',
  'topic_alert',
];

export const BREAKDOWN_LABELS: Readonly<Record<BreakdownComponent, string>> = {
  churn_risk: 'Churn risk',
  customer_value: 'Customer value',
  urgency: 'Priority',
  age: 'Waiting time',
  sla: 'SLA risk',
  sentiment: 'Frustrated customer',
  difficulty: 'Difficulty',
  topic_alert: 'Topic alert',
};

interface Row {
  key: BreakdownComponent;
  label: string;
  points: number;
  /** Share of the widest bar, 0 … 100. */
  width: number;
  weight: string;
}

function signed(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`;
}

/** Why a ticket sits where it does: each score component with its weight, largest first. */
@Component({
  selector: 'app-score-breakdown',
  imports: [DecimalPipe, CurrencyPipe, PercentPipe, HumanizePipe],
  templateUrl: './score-breakdown.html',
  styleUrl: './score-breakdown.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreBreakdown {
  readonly breakdown = input.required<Breakdown>();

  protected readonly rows = computed<Row[]>(() => {
    const b = this.breakdown();
    const w = b.weights;
    const weights: Record<BreakdownComponent, string> = {
      churn_risk: `${w.churn_weight} × churn risk`,
      customer_value: `${w.value_weight} × lifetime value per $1,000`,
      urgency: `${w.urgency_weight} × priority points`,
      age: 'grows with hours waiting',
      sla: 'near or past an SLA deadline',
      sentiment: 'customer sounds frustrated',
      difficulty: 'easy wins first, complex later',
      topic_alert: `+${w.topic_alert_boost} on a topic-alert match`,
    };
    const max = Math.max(
      0.0001,
      ...BREAKDOWN_COMPONENTS.map((k) => Math.abs(b.components[k] ?? 0)),
    );
    return BREAKDOWN_COMPONENTS.map((key) => {
      const points = b.components[key] ?? 0;
      return {
        key,
        label: BREAKDOWN_LABELS[key],
        points,
        width: Math.round((Math.abs(points) / max) * 100),
        weight: weights[key],
      };
    });
  });

  protected readonly signed = signed;
}
