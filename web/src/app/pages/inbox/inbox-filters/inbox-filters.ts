import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatSelect } from '@angular/material/select';
import { CHANNELS, TICKET_STATUSES } from '@quimbi/contracts';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../../shared/display';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import type { ChannelFilter, StatusFilter } from '../inbox-query';

/** Status and channel pickers of the inbox. */
@Component({
  selector: 'app-inbox-filters',
  imports: [MatFormField, MatLabel, MatSelect, MatOption, MatIcon, HumanizePipe],
  templateUrl: './inbox-filters.html',
  styleUrl: './inbox-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxFilters {
  readonly status = input.required<StatusFilter>();
  readonly channel = input.required<ChannelFilter>();
  readonly statusChange = output<StatusFilter>();
  readonly channelChange = output<ChannelFilter>();

  protected readonly statuses = TICKET_STATUSES;
  protected readonly channels = CHANNELS;
  protected readonly channelIcons = CHANNEL_ICONS;
  protected readonly channelLabels = CHANNEL_LABELS;
}
