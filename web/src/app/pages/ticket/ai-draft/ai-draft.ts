import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { Observable, Subscription } from 'rxjs';

import { DRAFT_LENGTHS, TONES, type DraftLength, type Tone } from '@quimbi/contracts';

import type { DraftResponse } from '../../../core/ai/ai';
import { AiService } from '../../../core/ai/ai.service';
import { toDisplayError } from '../../../core/http/api-error';
import { HumanizePipe } from '../../../shared/humanize.pipe';

export type DraftState = 'loading' | 'ready' | 'held' | 'error';

/**
 * The reply the AI already wrote for this ticket: fetched when the ticket opens and put into the
 * composer, unless the agent has typed something of their own (then it waits behind a "Use the
 * draft" button). Tone and length pick another draft; Regenerate asks for a fresh one.
 */
@Component({
  selector: 'app-ai-draft',
  imports: [
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    HumanizePipe,
  ],
  templateUrl: './ai-draft.html',
  styleUrl: './ai-draft.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AiDraft {
  private readonly ai = inject(AiService);
  private request: Subscription | null = null;

  readonly ticketId = input.required<string>();
  /** What the composer holds now. */
  readonly composerText = input('');
  /** Put this text into the composer. */
  readonly apply = output<string>();

  protected readonly tones = TONES;
  protected readonly lengths = DRAFT_LENGTHS;
  protected readonly tone = signal<Tone>('professional');
  protected readonly length = signal<DraftLength>('medium');
  protected readonly state = signal<DraftState>('loading');
  protected readonly draft = signal<DraftResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The last text this component put into the composer. */
  private lastApplied: string | null = null;

  constructor() {
    effect(() => {
      const id = this.ticketId();
      untracked(() => {
        this.lastApplied = null;
        this.draft.set(null);
        this.load(this.ai.draft(id, this.options()));
      });
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected changeTone(tone: Tone): void {
    this.tone.set(tone);
    this.load(this.ai.draft(this.ticketId(), this.options()));
  }

  protected changeLength(length: DraftLength): void {
    this.length.set(length);
    this.load(this.ai.draft(this.ticketId(), this.options()));
  }

  protected regenerate(): void {
    this.load(this.ai.regenerate(this.ticketId(), this.options()));
  }

  /** Replaces the agent's own text with the held draft, on their say-so. */
  protected useDraft(): void {
    const draft = this.draft();
    if (!draft) return;
    this.put(draft.draft_content);
  }

  private options() {
    return { tone: this.tone(), length: this.length() };
  }

  private load(request: Observable<DraftResponse>): void {
    this.request?.unsubscribe();
    this.state.set('loading');
    this.error.set(null);
    this.request = request.subscribe({
      next: (draft) => {
        this.draft.set(draft);
        const current = this.composerText();
        // Never overwrite what the agent wrote: only an empty composer or our own last draft.
        if (current.trim() === '' || current === this.lastApplied) {
          this.put(draft.draft_content);
        } else {
          this.state.set('held');
        }
      },
      error: (err: unknown) => {
        this.state.set('error');
        this.error.set(toDisplayError(err, 'The draft could not be prepared.').message);
      },
    });
  }

  private put(text: string): void {
    this.lastApplied = text;
    this.state.set('ready');
    this.apply.emit(text);
  }
}
