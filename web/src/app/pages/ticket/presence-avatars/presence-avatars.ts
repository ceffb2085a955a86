import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { PresenceAgent } from '../../../core/presence/presence';
import { initials } from '../../../shared/display';

/** Other agents on this ticket right now: an avatar each, with a pencil while they type. */
@Component({
  selector: 'app-presence-avatars',
  template: `
    @if (agents().length) {
      <div class="presence" data-testid="presence" role="status" [attr.aria-label]="summary()">
        @for (a of avatars(); track a.id) {
          <span
            class="avatar"
            data-testid="presence-agent"
            [attr.data-state]="a.state"
            [title]="a.name + (a.state === 'typing' ? ' is typing…' : ' is viewing')"
          >
            {{ a.initials }}
            @if (a.state === 'typing') {
              <span class="typing material-symbols-outlined" aria-hidden="true">edit</span>
            }
          </span>
        }
        <span class="label">{{ summary() }}</span>
      </div>
    }
  `,
  styleUrl: './presence-avatars.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresenceAvatars {
  readonly agents = input.required<readonly PresenceAgent[]>();

  protected readonly avatars = computed(() =>
    this.agents().map((a) => ({ ...a, initials: initials(a.name) || '?' })),
  );

  protected readonly summary = computed(() => {
    const agents = this.agents();
    const typing = agents.filter((a) => a.state === 'typing');
    if (typing.length === 1) return `${typing[0].name} is typing…`;
    if (typing.length > 1) return `${typing.length} agents are typing…`;
    return agents.length === 1 ? `${agents[0].name} is viewing` : `${agents.length} agents viewing`;
  });
}
