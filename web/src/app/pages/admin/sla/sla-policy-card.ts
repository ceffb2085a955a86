import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { toApiProblem } from '../api-problem';
import type { SlaCalendar, SlaPolicyUpdate } from './sla-settings';
import { SlaSettingsService } from './sla-settings.service';

/** The policy as edited: first response in minutes, resolution in hours. */
interface PolicyForm {
  firstResponseMinutes: string;
  resolutionHours: string;
  warningPercent: string;
  businessHoursOnly: boolean;
  calendarId: string | null;
  escalate: boolean;
}

type FieldErrors = Partial<Record<keyof SlaPolicyUpdate, string>>;

function formOf(p: SlaPolicy): PolicyForm {
  return {
    firstResponseMinutes: String(Math.round(p.first_response_target_seconds / 60)),
    resolutionHours: String(Math.round((p.resolution_target_seconds / 3600) * 100) / 100),
    warningPercent: String(p.warning_threshold_percent),
    businessHoursOnly: p.business_hours_only,
    calendarId: p.calendar_id,
    escalate: p.escalate_priority_on_breach,
  };
}

/** Checks the form and turns it into the API's seconds, naming the fields that are wrong. */
export function toPolicyUpdate(form: PolicyForm): { change: SlaPolicyUpdate; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const minutes = Number(form.firstResponseMinutes);
  const hours = Number(form.resolutionHours);
  const percent = Number(form.warningPercent);
  if (!form.firstResponseMinutes.trim() || !Number.isInteger(minutes) || minutes < 1) {
    errors.first_response_target_seconds = 'Enter a whole number of minutes, at least 1.';
  }
  if (!form.resolutionHours.trim() || !Number.isFinite(hours) || hours <= 0) {
    errors.resolution_target_seconds = 'Enter a number of hours greater than 0.';
  } else if (!errors.first_response_target_seconds && hours * 60 < minutes) {
    errors.resolution_target_seconds = 'Resolution cannot be shorter than the first response.';
  }
  if (!Number.isInteger(percent) || percent < 1 || percent > 99) {
    errors.warning_threshold_percent = 'Enter a whole percentage from 1 to 99.';
  }
  if (form.businessHoursOnly && !form.calendarId) {
    errors.calendar_id = 'Choose the calendar whose opening hours count.';
  }
  return {
    errors,
    change: {
      first_response_target_seconds: minutes * 60,
      resolution_target_seconds: Math.round(hours * 3600),
      warning_threshold_percent: percent,
      business_hours_only: form.businessHoursOnly,
      calendar_id: form.calendarId,
      escalate_priority_on_breach: form.escalate,
    },
  };
}

/** One priority's SLA policy, edited in minutes and hours and saved on its own. */
@Component({
  selector: 'app-sla-policy-card',
  imports: [
    MatFormField,
    MatLabel,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    HumanizePipe,
  ],
  templateUrl: './sla-policy-card.html',
  styleUrl: './sla-policy-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaPolicyCard {
  private readonly service = inject(SlaSettingsService);

  readonly policy = input.required<SlaPolicy>();
  readonly calendars = input<SlaCalendar[]>([]);
  readonly saved = output<SlaPolicy>();

  protected readonly form = signal<PolicyForm>({
    firstResponseMinutes: '',
    resolutionHours: '',
    warningPercent: '',
    businessHoursOnly: false,
    calendarId: null,
    escalate: false,
  });
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly savedNote = signal<string | null>(null);
  protected readonly dirty = computed(
    () => JSON.stringify(this.form()) !== JSON.stringify(formOf(this.policy())),
  );

  constructor() {
    effect(() => {
      const policy = this.policy();
      untracked(() => this.form.set(formOf(policy)));
    });
  }

  protected set<K extends keyof PolicyForm>(key: K, value: PolicyForm[K]): void {
    this.form.update((f) => ({ ...f, [key]: value }));
    this.savedNote.set(null);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected save(): void {
    if (this.saving()) return;
    const { change, errors } = toPolicyUpdate(this.form());
    this.errors.set(errors);
    this.error.set(null);
    this.savedNote.set(null);
    if (Object.keys(errors).length) return;
    const priority = this.policy().priority;
    this.saving.set(true);
    this.service.updatePolicy(priority, change).subscribe({
      next: (updated) => {
        this.saving.set(false);
        const n = updated.rederived_tickets ?? 0;
        this.savedNote.set(
          `Saved. ${n} open ticket${n === 1 ? '' : 's'} re-timed with the new targets.`,
        );
        this.saved.emit(updated);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(err, 'The policy could not be saved.');
        this.errors.set(problem.fields as FieldErrors);
        const unplaced = problem.details.filter(
          (d) => !Object.keys(problem.fields).some((f) => d.startsWith(`${f}:`)),
        );
        this.error.set([problem.message, ...unplaced].join(' '));
      },
    });
  }
}
