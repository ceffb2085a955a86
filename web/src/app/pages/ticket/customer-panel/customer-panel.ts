import { CurrencyPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

import type { TicketDetailCustomer } from '../../../core/tickets/ticket-detail';
import { churnLevel } from '../../../shared/display';

/** Who the customer is and what they are worth: already on screen when the ticket opens. */
@Component({
  selector: 'app-customer-panel',
  imports: [CurrencyPipe, PercentPipe, MatIcon],
  templateUrl: './customer-panel.html',
  styleUrl: './customer-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerPanel {
  readonly customer = input.required<TicketDetailCustomer>();

  protected readonly churn = computed(() => churnLevel(this.customer().churn_risk ?? 0));
}
