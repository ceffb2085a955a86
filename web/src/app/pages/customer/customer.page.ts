import { Location } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';

import type { CustomerIntelligenceResponse } from '../../core/ai/ai';
import { AiService } from '../../core/ai/ai.service';
import { DisplayError, toDisplayError } from '../../core/http/api-error';
import type { TicketDetailCustomer } from '../../core/tickets/ticket-detail';
import { CustomerIntelligence } from '../../shared/customer-intelligence/customer-intelligence';

/** A ticket of this customer, as `GET /api/customers/:id` lists them. */
export interface CustomerTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  created_at: string;
}

interface CustomerDetailResponse {
  customer: TicketDetailCustomer;
  tickets: CustomerTicket[];
}

/** The customer as the ticket page passed it along (navigation state), when it did. */
function customerFromState(state: unknown, id: string): TicketDetailCustomer | null {
  const customer = (state as { customer?: TicketDetailCustomer } | null)?.customer;
  return customer && typeof customer === 'object' && customer.id === id ? customer : null;
}

/**
 * One customer: who they are, their orders with tracking, and what the intelligence service
 * knows (value, churn risk, archetype, guidance). Reached from a ticket's customer panel.
 */
@Component({
  selector: 'app-customer-page',
  imports: [RouterLink, MatButton, MatIcon, MatProgressSpinner, CustomerIntelligence],
  templateUrl: './customer.page.html',
  styleUrl: './customer.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerPage {
  private readonly ai = inject(AiService);
  private readonly http = inject(HttpClient);
  private ticketsRequest: Subscription | null = null;
  private readonly location = inject(Location);
  private readonly title = inject(Title);
  private request: Subscription | null = null;

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly profile = signal<TicketDetailCustomer | null>(null);
  protected readonly intelligence = signal<CustomerIntelligenceResponse | null>(null);
  protected readonly error = signal<DisplayError | null>(null);
  protected readonly tickets = signal<CustomerTicket[] | null>(null);
  protected readonly ticketsError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.profile.set(customerFromState(this.location.getState(), id));
        this.load(id);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.ticketsRequest?.unsubscribe();
    });
  }

  protected retry(): void {
    this.load(this.id());
  }

  private loadTickets(id: string): void {
    this.ticketsRequest?.unsubscribe();
    this.tickets.set(null);
    this.ticketsError.set(null);
    this.ticketsRequest = this.http.get<CustomerDetailResponse>(`/api/customers/${encodeURIComponent(id)}`).subscribe({
      next: (res) => {
        if (!this.profile()) this.profile.set(res.customer);
        this.tickets.set(res.tickets);
      },
      error: (err: unknown) => this.ticketsError.set(toDisplayError(err, 'Tickets could not be loaded.').message),
    });
  }

  private load(id: string): void {
    this.loadTickets(id);
    this.request?.unsubscribe();
    this.error.set(null);
    this.intelligence.set(null);
    this.request = this.ai.customerIntelligence(id).subscribe({
      next: (intel) => {
        this.intelligence.set(intel);
        this.title.setTitle(`${this.profile()?.name ?? 'Customer'} · Quimbi`);
      },
      error: (err: unknown) => {
        const error = toDisplayError(err, 'The customer could not be loaded.');
        this.error.set(
          error.status === 404
            ? { ...error, message: 'This customer does not exist, or nothing is known yet.' }
            : error,
        );
      },
    });
  }
}
