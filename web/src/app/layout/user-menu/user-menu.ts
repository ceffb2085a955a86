import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { AGENT_STATUSES, type AgentProfile, type AgentStatus } from '@quimbi/contracts';
import { AGENT_STATUS_LABELS } from '../../shared/display';
import { HumanizePipe } from '../../shared/humanize.pipe';

/** Toolbar identity of the signed-in agent with their status menu and sign-out. */
@Component({
  selector: 'app-user-menu',
  imports: [MatMenu, MatMenuItem, MatMenuTrigger, MatIcon, MatDivider, HumanizePipe],
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  readonly agent = input.required<AgentProfile>();
  /** True while a status change or sign-out is in flight. */
  readonly busy = input(false);
  readonly statusChange = output<AgentStatus>();
  readonly logout = output<void>();

  protected readonly statuses = AGENT_STATUSES;
  protected readonly statusLabels = AGENT_STATUS_LABELS;
  protected readonly initials = computed(() =>
    this.agent()
      .name.split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part.charAt(0).toUpperCase())
      .join(''),
  );

  protected choose(status: AgentStatus): void {
    if (status !== this.agent().status) this.statusChange.emit(status);
  }
}
