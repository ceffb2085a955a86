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
import { Subscription } from 'rxjs';

import type { TicketRecommendation } from '../../../core/ai/ai';
import { AiService } from '../../../core/ai/ai.service';
import { toDisplayError } from '../../../core/http/api-error';
import { HumanizePipe } from '../../../shared/humanize.pipe';

/** What to do next on the ticket: ranked actions, warnings and talking points. */
@Component({
  selector: 'app-recommendation-panel',
  imports: [CurrencyPipe, PercentPipe, MatButton, MatIcon, MatProgressBar, HumanizePipe],
  templateUrl: './recommendation-panel.html',
  styleUrl: './recommendation-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecommendationPanel {
  private readonly ai = inject(AiService);
  private request: Subscription | null = null;

  readonly ticketId = input.required<string>();

  protected readonly recommendation = signal<TicketRecommendation | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly actions = computed(() =>
    [...(this.recommendation()?.actions ?? [])].sort((a, b) => a.priority - b.priority),
  );
  protected readonly empty = computed(() => {
    const r = this.recommendation();
    return !!r && !r.actions.length && !r.warnings.length && !r.talking_points.length;
  });

  constructor() {
    effect(() => {
      const id = this.ticketId();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected retry(): void {
    this.load(this.ticketId());
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.recommendation.set(null);
    this.request = this.ai.recommendation(id).subscribe({
      next: (r) => {
        this.loading.set(false);
        this.recommendation.set({
          ...r,
          actions: Array.isArray(r.actions) ? r.actions : [],
          warnings: Array.isArray(r.warnings) ? r.warnings : [],
          talking_points: Array.isArray(r.talking_points) ? r.talking_points : [],
        });
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(toDisplayError(err, 'Recommendations could not be loaded.').message);
      },
    });
  }
}
