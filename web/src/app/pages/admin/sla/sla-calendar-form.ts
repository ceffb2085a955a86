import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

import type { ApiProblem } from '../api-problem';
import type {
  NewSlaCalendar,
  OpeningInterval,
  SlaCalendar,
  SlaCalendarUpdate,
} from './sla-settings';

export const WEEKDAYS = [
  { day: '1', label: 'Mon' },
  { day: '2', label: 'Tue' },
  { day: '3', label: 'Wed' },
  { day: '4', label: 'Thu' },
  { day: '5', label: 'Fri' },
  { day: '6', label: 'Sat' },
  { day: '7', label: 'Sun' },
] as const;

/** One weekday as edited: open or closed, and its opening intervals (kept while closed). */
export interface DayHours {
  open: boolean;
  intervals: OpeningInterval[];
}

export interface CalendarForm {
  name: string;
  timeZone: string;
  week: Record<string, DayHours>;
  /** Dates separated by commas or spaces. */
  holidays: string;
}

const DEFAULT_INTERVAL: OpeningInterval = { start: '09:00', end: '17:00' };

function defaultWeek(): Record<string, DayHours> {
  return Object.fromEntries(
    WEEKDAYS.map(({ day }) => [
      day,
      { open: Number(day) <= 5, intervals: [{ ...DEFAULT_INTERVAL }] },
    ]),
  );
}

/** The form for a new calendar (in `defaultZone`), or prefilled with an existing one. */
export function calendarFormOf(calendar: SlaCalendar | null, defaultZone = 'UTC'): CalendarForm {
  if (!calendar) return { name: '', timeZone: defaultZone, week: defaultWeek(), holidays: '' };
  const week = Object.fromEntries(
    WEEKDAYS.map(({ day }) => {
      const list = calendar.opening_hours?.[day] ?? [];
      const hours: DayHours = list.length
        ? { open: true, intervals: list.map((i) => ({ start: i.start, end: i.end })) }
        : { open: false, intervals: [{ ...DEFAULT_INTERVAL }] };
      return [day, hours];
    }),
  );
  return {
    name: calendar.name,
    timeZone: calendar.time_zone,
    week,
    holidays: (calendar.holidays ?? []).join(', '),
  };
}

/** Checks the form and turns it into the API's body; `error` says what is missing. */
export function toCalendarBody(form: CalendarForm): { body: NewSlaCalendar; error: string | null } {
  const name = form.name.trim();
  const timeZone = form.timeZone.trim();
  const openDays = WEEKDAYS.filter(({ day }) => form.week[day]?.open);
  const opening_hours = Object.fromEntries(
    openDays.map(({ day }) => [day, form.week[day].intervals.map((i) => ({ ...i }))]),
  );
  const holidays = form.holidays
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const body: NewSlaCalendar = { name, time_zone: timeZone, opening_hours, holidays };
  let error: string | null = null;
  if (!name || !timeZone) {
    error = 'Give the calendar a name and a time zone.';
  } else if (
    openDays.some(({ day }) => {
      const intervals = form.week[day].intervals;
      return !intervals.length || intervals.some((i) => !i.start || !i.end);
    })
  ) {
    error = 'Give every open day its opening and closing times.';
  }
  return { body, error };
}

/** "13:00" → "14:00", capped at the end of the day. */
function hourLater(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const minutes = Math.min(23 * 60 + 59, h * 60 + (m || 0) + 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function hoursKey(hours: Record<string, OpeningInterval[]> | undefined): string {
  return JSON.stringify(
    WEEKDAYS.map(({ day }) => (hours?.[day] ?? []).map((i) => [i.start, i.end])),
  );
}

/** What an edit changes: only the fields that differ from the stored calendar. */
export function calendarChanges(calendar: SlaCalendar, body: NewSlaCalendar): SlaCalendarUpdate {
  const change: SlaCalendarUpdate = {};
  if (body.name !== calendar.name) change.name = body.name;
  if (body.time_zone !== calendar.time_zone) change.time_zone = body.time_zone;
  if (hoursKey(body.opening_hours) !== hoursKey(calendar.opening_hours)) {
    change.opening_hours = body.opening_hours;
  }
  if (JSON.stringify(body.holidays ?? []) !== JSON.stringify(calendar.holidays ?? [])) {
    change.holidays = body.holidays ?? [];
  }
  return change;
}

/**
 * The business calendar form: name, time zone, opening intervals per weekday and holidays.
 * Empty for a new calendar, prefilled to edit one; the page sends what it emits.
 */
@Component({
  selector: 'app-sla-calendar-form',
  imports: [
    MatButton,
    MatIconButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatIcon,
    MatProgressSpinner,
  ],
  templateUrl: './sla-calendar-form.html',
  styleUrl: './sla-calendar-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaCalendarForm {
  /** The calendar to edit; null for a new one. */
  readonly calendar = input<SlaCalendar | null>(null);
  readonly saving = input(false);
  /** The API's refusal of the last save (400, 409), shown under the form. */
  readonly problem = input<ApiProblem | null>(null);
  /** The whole calendar as entered, once it passes the form's own checks. */
  readonly submitted = output<NewSlaCalendar>();
  readonly cancelled = output<void>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly form = signal<CalendarForm>(calendarFormOf(null));
  protected readonly localError = signal<string | null>(null);
  protected readonly editing = computed(() => this.calendar() !== null);
  /** Editing and nothing changed yet: there is nothing to save. */
  protected readonly unchanged = computed(() => {
    const calendar = this.calendar();
    if (!calendar) return false;
    const { body } = toCalendarBody(this.form());
    return Object.keys(calendarChanges(calendar, body)).length === 0;
  });

  constructor() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    effect(() => {
      const calendar = this.calendar();
      untracked(() => {
        this.form.set(calendarFormOf(calendar, zone));
        this.localError.set(null);
      });
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected set<K extends 'name' | 'timeZone' | 'holidays'>(key: K, value: string): void {
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  protected setOpen(day: string, open: boolean): void {
    this.updateDay(day, (h) => ({
      open,
      intervals: open && !h.intervals.length ? [{ ...DEFAULT_INTERVAL }] : h.intervals,
    }));
  }

  protected setTime(day: string, index: number, change: Partial<OpeningInterval>): void {
    this.updateDay(day, (h) => ({
      ...h,
      intervals: h.intervals.map((i, n) => (n === index ? { ...i, ...change } : i)),
    }));
  }

  /** Adds an interval after the day's last one (e.g. the afternoon after a lunch break). */
  protected addInterval(day: string): void {
    this.updateDay(day, (h) => {
      const last = h.intervals.at(-1);
      const next = last?.end
        ? { start: last.end, end: hourLater(last.end) }
        : { ...DEFAULT_INTERVAL };
      return { ...h, intervals: [...h.intervals, next] };
    });
  }

  protected removeInterval(day: string, index: number): void {
    this.updateDay(day, (h) => ({ ...h, intervals: h.intervals.filter((_, n) => n !== index) }));
  }

  protected submit(): void {
    if (this.saving()) return;
    const { body, error } = toCalendarBody(this.form());
    this.localError.set(error);
    if (!error) this.submitted.emit(body);
  }

  private updateDay(day: string, change: (h: DayHours) => DayHours): void {
    this.form.update((f) => ({ ...f, week: { ...f.week, [day]: change(f.week[day]) } }));
  }
}
