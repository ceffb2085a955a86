import { CurrencyPipe, DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

import type { CustomerIntelligenceResponse } from '../../core/ai/ai';
import { churnLevel } from '../display';
import { HumanizePipe } from '../humanize.pipe';

/**
 * What the intelligence service knows about a customer: value, churn risk (as a gauge),
 * archetype and segments, how to talk to them, and their recent orders with tracking.
 */
@Component({
  selector: 'app-customer-intelligence',
  imports: [CurrencyPipe, DatePipe, DecimalPipe, PercentPipe, MatIcon, HumanizePipe],
  templateUrl: './customer-intelligence.html',
  styleUrl: './customer-intelligence.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerIntelligence {
  readonly intelligence = input.required<CustomerIntelligenceResponse>();
  /** How many recent orders to list. */
  readonly maxOrders = input(3);

  protected readonly risk = computed(() => {
    const value = this.intelligence().predictions?.churn_risk ?? 0;
    return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  });
  protected readonly level = computed(
    () => this.intelligence().predictions?.churn_risk_level ?? churnLevel(this.risk()),
  );
  protected readonly archetypeSegments = computed(() =>
    Object.entries(this.intelligence().archetype?.segments ?? {}).map(([axis, segment]) => ({
      axis,
      segment,
    })),
  );
  protected readonly orders = computed(() =>
    (this.intelligence().recent_orders ?? []).slice(0, this.maxOrders()),
  );
}
