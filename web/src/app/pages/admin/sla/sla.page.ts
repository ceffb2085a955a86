import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { forkJoin } from 'rxjs';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import { toApiProblem, type ApiProblem } from '../api-problem';
import { calendarChanges, SlaCalendarForm, WEEKDAYS } from './sla-calendar-form';
import { SlaPolicyCard } from './sla-policy-card';
import type { NewSlaCalendar, OpeningInterval, SlaCalendar } from './sla-settings';
import { SlaSettingsService } from './sla-settings.service';

/** "09:00–17:00" per open day, for the calendar list. */
function describeHours(hours: Record<string, OpeningInterval[]>): string {
  return WEEKDAYS.filter(({ day }) => hours[day]?.length)
    .map(({ day, label }) => `${label} ${hours[day].map((i) => `${i.start}–${i.end}`).join(', ')}`)
    .join(' · ');
}

/**
 * SLA settings: the first-response and resolution targets per priority (in minutes and hours),
 * warning threshold, business-hours counting and escalation; and the business calendars, which
 * can be created, edited and deleted (the API refuses to delete one a policy still uses).
 */
@Component({
  selector: 'app-sla-page',
  imports: [SlaPolicyCard, SlaCalendarForm, MatButton, MatIcon, MatProgressBar],
  templateUrl: './sla.page.html',
  styleUrl: './sla.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaPage {
  private readonly service = inject(SlaSettingsService);

  protected readonly describeHours = describeHours;
  protected readonly policies = signal<SlaPolicy[] | null>(null);
  protected readonly calendars = signal<SlaCalendar[]>([]);
  protected readonly loadError = signal<ApiProblem | null>(null);

  /** The calendar form: closed, open for a new calendar, or editing one. */
  protected readonly formOpen = signal(false);
  protected readonly editing = signal<SlaCalendar | null>(null);
  protected readonly calSaving = signal(false);
  protected readonly calProblem = signal<ApiProblem | null>(null);
  /** What the last calendar change did, or that the list could not be refreshed after it. */
  protected readonly calNotice = signal<{ ok: boolean; message: string } | null>(null);

  /** The calendar whose deletion waits for a confirmation, and the one being deleted. */
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);
  protected readonly deleteProblem = signal<{ id: string; problem: ApiProblem } | null>(null);

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

  /** Opens the form for a new calendar, or closes whichever form is open. */
  protected toggleCreate(): void {
    const open = this.formOpen();
    this.closeForm();
    if (!open) this.formOpen.set(true);
    this.calNotice.set(null);
  }

  protected edit(calendar: SlaCalendar): void {
    this.closeForm();
    this.editing.set(calendar);
    this.formOpen.set(true);
    this.calNotice.set(null);
    this.confirmingDelete.set(null);
  }

  protected closeForm(): void {
    this.formOpen.set(false);
    this.editing.set(null);
    this.calProblem.set(null);
  }

  protected saveCalendar(body: NewSlaCalendar): void {
    if (this.calSaving()) return;
    const editing = this.editing();
    const request = editing
      ? this.service.updateCalendar(editing.id, calendarChanges(editing, body))
      : this.service.createCalendar(body);
    this.calSaving.set(true);
    this.calProblem.set(null);
    this.calNotice.set(null);
    request.subscribe({
      next: (calendar) => {
        this.calSaving.set(false);
        this.calendars.update((list) =>
          editing ? list.map((c) => (c.id === calendar.id ? calendar : c)) : [...list, calendar],
        );
        this.closeForm();
        this.calNotice.set({
          ok: true,
          message: `Calendar “${calendar.name}” ${editing ? 'saved' : 'created'}.`,
        });
        this.refreshCalendars();
      },
      error: (err: unknown) => {
        this.calSaving.set(false);
        this.calProblem.set(
          toApiProblem(
            err,
            editing ? 'The calendar could not be saved.' : 'The calendar could not be created.',
          ),
        );
      },
    });
  }

  protected askDelete(calendar: SlaCalendar): void {
    this.confirmingDelete.set(calendar.id);
    this.deleteProblem.set(null);
    this.calNotice.set(null);
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(null);
  }

  protected deleteCalendar(calendar: SlaCalendar): void {
    if (this.deleting()) return;
    this.deleting.set(calendar.id);
    this.deleteProblem.set(null);
    this.service.deleteCalendar(calendar.id).subscribe({
      next: () => {
        this.deleting.set(null);
        this.confirmingDelete.set(null);
        this.calendars.update((list) => list.filter((c) => c.id !== calendar.id));
        if (this.editing()?.id === calendar.id) this.closeForm();
        this.calNotice.set({ ok: true, message: `Calendar “${calendar.name}” deleted.` });
        this.refreshCalendars();
      },
      error: (err: unknown) => {
        this.deleting.set(null);
        this.confirmingDelete.set(null);
        this.deleteProblem.set({
          id: calendar.id,
          problem: toApiProblem(err, 'The calendar could not be deleted.'),
        });
      },
    });
  }

  /** Reads the calendars again after a change (which policies use them, names, hours). */
  private refreshCalendars(): void {
    this.service.calendars().subscribe({
      next: (calendars) => this.calendars.set(calendars),
      error: () =>
        this.calNotice.update((notice) => ({
          ok: false,
          message: `${notice ? notice.message + ' ' : ''}The list could not be refreshed; reload the page to see the latest.`,
        })),
    });
  }
}
