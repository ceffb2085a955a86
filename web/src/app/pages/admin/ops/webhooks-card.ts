import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';

import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem, type ApiProblem } from '../api-problem';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhooksOverview,
} from './ops';
import { OpsService } from './ops.service';

export const WEBHOOK_COLUMNS = [
  'event',
  'ticket',
  'status',
  'attempts',
  'result',
  'next',
  'created',
  'actions',
] as const;

/** "HTTP 502 · Bad gateway", "HTTP 200", the error alone, or null when nothing was tried yet. */
export function lastResult(d: WebhookDelivery): string | null {
  const parts = [
    d.last_status_code != null ? `HTTP ${d.last_status_code}` : null,
    d.last_error || null,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * Outbound webhooks on the Ops page: whether SLA warnings and breaches are sent to another
 * system (and where), deliveries counted by status, the latest deliveries filtered by status,
 * and a retry for failed ones.
 */
@Component({
  selector: 'app-webhooks-card',
  imports: [
    DatePipe,
    RouterLink,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatChipSet,
    MatChip,
    MatIcon,
    MatProgressBar,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    HumanizePipe,
  ],
  templateUrl: './webhooks-card.html',
  styleUrl: './webhooks-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksCard {
  private readonly service = inject(OpsService);
  private request: Subscription | null = null;

  protected readonly statuses = WEBHOOK_DELIVERY_STATUSES;
  protected readonly columns = WEBHOOK_COLUMNS;
  protected readonly lastResult = lastResult;
  protected readonly overview = signal<WebhooksOverview | null>(null);
  protected readonly status = signal<WebhookDeliveryStatus | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<ApiProblem | null>(null);
  protected readonly retrying = signal<string | null>(null);
  protected readonly retryNote = signal<{ ok: boolean; message: string } | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.load();
  }

  /** Reads the overview again, for the current filter (a read under way is dropped). */
  load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadError.set(null);
    this.request = this.service.webhooks(this.status()).subscribe({
      next: (overview) => {
        this.loading.set(false);
        this.overview.set(overview);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.loadError.set(toApiProblem(err, 'The webhook deliveries could not be loaded.'));
      },
    });
  }

  protected filter(value: WebhookDeliveryStatus | 'all'): void {
    const status = value === 'all' ? null : value;
    if (status === this.status()) return;
    this.status.set(status);
    this.retryNote.set(null);
    this.load();
  }

  protected retry(delivery: WebhookDelivery): void {
    if (this.retrying()) return;
    this.retrying.set(delivery.id);
    this.retryNote.set(null);
    this.service.retryDelivery(delivery.id).subscribe({
      next: (updated) => {
        this.retrying.set(null);
        this.overview.update((o) =>
          o
            ? {
                ...o,
                deliveries: o.deliveries.map((d) =>
                  d.id === delivery.id ? { ...d, ...updated } : d,
                ),
              }
            : o,
        );
        this.retryNote.set({
          ok: true,
          message: `${delivery.event_type} queued to be sent again.`,
        });
        this.load();
      },
      error: (err: unknown) => {
        this.retrying.set(null);
        this.retryNote.set({
          ok: false,
          message: toApiProblem(err, 'The delivery could not be retried.').message,
        });
      },
    });
  }
}
