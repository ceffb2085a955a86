import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { forkJoin } from 'rxjs';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import { toApiProblem, type ApiProblem } from '../api-problem';
import { SlaPolicyCard } from './sla-policy-card';
import type { OpeningInterval, SlaCalendar } from './sla-settings';
import { SlaSettingsService } from './sla-settings.service';

export const WEEKDAYS = [
  { day: '1', label: 'Mon' },
  { day: '2', label: 'Tue' },
  { day: '3', label: 'Wed' },
  { day: '4', label: 'Thu' },
  { day: '5', label: 'Fri' },
  { day: '6', label: 'Sat' },
  { day: '7', label: 'Sun' },
] as const;

interface DayHours {
  open: boolean;
  start: string;
  end: string;
}

function defaultWeek(): Record<string, DayHours> {
  return Object.fromEntries(
    WEEKDAYS.map(({ day }) => [day, { open: Number(day) <= 5, start: '09:00', end: '17:00' }]),
  );
}

/** "09:00–17:00" per open day, for the calendar list. */
function describeHours(hours: Record<string, OpeningInterval[]>): string {
  return WEEKDAYS.filter(({ day }) => hours[day]?.length)
    .map(({ day, label }) => `${label} ${hours[day].map((i) => `${i.start}–${i.end}`).join(', ')}`)
    .join(' · ');
}

/**
 * SLA settings: the first-response and resolution targets per priority (in minutes and hours),
 * warning threshold, business-hours counting and escalation; and the business calendars.
 */
@Component({
  selector: 'app-sla-page',
  imports: [
    SlaPolicyCard,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './sla.page.html',
  styleUrl: './sla.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaPage {
  private readonly service = inject(SlaSettingsService);

  protected readonly weekdays = WEEKDAYS;
  protected readonly describeHours = describeHours;
  protected readonly policies = signal<SlaPolicy[] | null>(null);
  protected readonly calendars = signal<SlaCalendar[]>([]);
  protected readonly loadError = signal<ApiProblem | null>(null);

  protected readonly creating = signal(false);
  protected readonly calName = signal('');
  protected readonly calZone = signal(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  protected readonly calWeek = signal<Record<string, DayHours>>(defaultWeek());
  protected readonly calHolidays = signal('');
  protected readonly calSaving = signal(false);
  protected readonly calProblem = signal<ApiProblem | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.policies.set(null);
    forkJoin({ policies: this.service.policies(), calendars: this.service.calendars() }).subscribe({
      next: ({ policies, calendars }) => {
        this.calendars.set(calendars);
        this.policies.set(policies);
      },
      error: (err: unknown) =>
        this.loadError.set(toApiProblem(err, 'The SLA settings could not be loaded.')),
    });
  }

  protected policySaved(updated: SlaPolicy): void {
    this.policies.update((list) =>
      (list ?? []).map((p) => (p.priority === updated.priority ? { ...p, ...updated } : p)),
    );
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setDay(day: string, change: Partial<DayHours>): void {
    this.calWeek.update((w) => ({ ...w, [day]: { ...w[day], ...change } }));
  }

  protected toggleCreate(): void {
    this.creating.update((v) => !v);
    this.calProblem.set(null);
  }

  protected createCalendar(): void {
    if (this.calSaving()) return;
    const name = this.calName().trim();
    const timeZone = this.calZone().trim();
    if (!name || !timeZone) {
      this.calProblem.set({
        status: 0,
        message: 'Give the calendar a name and a time zone.',
        details: [],
        fields: {},
        requestId: null,
      });
      return;
    }
    const week = this.calWeek();
    const opening_hours = Object.fromEntries(
      WEEKDAYS.filter(({ day }) => week[day].open).map(({ day }) => [
        day,
        [{ start: week[day].start, end: week[day].end }],
      ]),
    );
    const holidays = this.calHolidays()
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    this.calSaving.set(true);
    this.calProblem.set(null);
    this.service.createCalendar({ name, time_zone: timeZone, opening_hours, holidays }).subscribe({
      next: (calendar) => {
        this.calSaving.set(false);
        this.calendars.update((list) => [...list, calendar]);
        this.creating.set(false);
        this.calName.set('');
        this.calHolidays.set('');
        this.calWeek.set(defaultWeek());
      },
      error: (err: unknown) => {
        this.calSaving.set(false);
        this.calProblem.set(toApiProblem(err, 'The calendar could not be created.'));
      },
    });
  }
}
