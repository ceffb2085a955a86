import { CurrencyPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';

import type { CustomerIntelligenceResponse } from '../../../core/ai/ai';
import { AiService } from '../../../core/ai/ai.service';
import { toDisplayError } from '../../../core/http/api-error';
import type { TicketDetailCustomer } from '../../../core/tickets/ticket-detail';
import { CustomerIntelligence } from '../../../shared/customer-intelligence/customer-intelligence';
import { churnLevel } from '../../../shared/display';

/**
 * Who the customer is and what they are worth: already on screen when the ticket opens. With
 * `withIntelligence` (agents allowed to use AI) the customer's intelligence follows below.
 */
@Component({
  selector: 'app-customer-panel',
  imports: [
    CurrencyPipe,
    PercentPipe,
    MatIcon,
    MatButton,
    MatProgressBar,
    RouterLink,
    CustomerIntelligence,
  ],
  templateUrl: './customer-panel.html',
  styleUrl: './customer-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerPanel {
  private readonly ai = inject(AiService);
  private request: Subscription | null = null;

  readonly customer = input.required<TicketDetailCustomer>();
  readonly withIntelligence = input(false);

  protected readonly churn = computed(() => churnLevel(this.customer().churn_risk ?? 0));
  protected readonly intelligence = signal<CustomerIntelligenceResponse | null>(null);
  protected readonly intelligenceLoading = signal(false);
  protected readonly intelligenceError = signal<string | null>(null);
  private readonly customerId = computed(() => this.customer().id);

  constructor() {
    effect(() => {
      const id = this.customerId();
      const enabled = this.withIntelligence();
      untracked(() => (enabled ? this.load(id) : this.request?.unsubscribe()));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected retry(): void {
    this.load(this.customerId());
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.intelligenceLoading.set(true);
    this.intelligenceError.set(null);
    this.request = this.ai.customerIntelligence(id).subscribe({
      next: (intel) => {
        this.intelligenceLoading.set(false);
        this.intelligence.set(intel);
      },
      error: (err: unknown) => {
        this.intelligenceLoading.set(false);
        const error = toDisplayError(err, 'Customer intelligence could not be loaded.');
        this.intelligenceError.set(
          error.status === 404 ? 'No intelligence is known for this customer yet.' : error.message,
        );
      },
    });
  }
}
