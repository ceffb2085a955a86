import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

/** The API's limit on one message. */
export const MAX_MESSAGE_LENGTH = 20_000;

export interface ComposerSend {
  content: string;
  isInternal: boolean;
}

/**
 * Reply to the customer or leave an internal note. The draft is owned by the page (so it
 * survives refreshes); Ctrl/⌘+Enter sends.
 */
@Component({
  selector: 'app-composer',
  imports: [MatFormField, MatLabel, MatHint, MatInput, MatButton, MatIcon, MatProgressSpinner],
  templateUrl: './composer.html',
  styleUrl: './composer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Composer {
  readonly text = model('');
  readonly internal = model(false);
  readonly sending = input(false);
  readonly error = input<string | null>(null);
  readonly send = output<ComposerSend>();
  /** A keystroke while the composer has focus (presence: typing). */
  readonly typing = output<void>();
  /** The composer lost focus (presence: back to viewing). */
  readonly idle = output<void>();

  protected readonly maxLength = MAX_MESSAGE_LENGTH;
  protected readonly trimmed = computed(() => this.text().trim());
  protected readonly canSend = computed(
    () => !this.sending() && this.trimmed().length > 0 && this.text().length <= MAX_MESSAGE_LENGTH,
  );

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    this.typing.emit();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.submit();
    }
  }

  protected toggleNote(): void {
    this.internal.update((v) => !v);
  }

  protected submit(): void {
    if (!this.canSend()) return;
    this.send.emit({ content: this.trimmed(), isInternal: this.internal() });
  }
}
