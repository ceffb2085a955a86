import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { FakeLiveEvents, provideFakeLiveEvents } from '../../../testing/live-events.fake';
import type { TeamWorkload, WorkloadMember } from './teams';
import { TeamsPage, WORKLOAD_REFRESH_DEBOUNCE_MS } from './teams.page';

function member(overrides: Partial<WorkloadMember> = {}): WorkloadMember {
  return {
    agent_id: 'a-1',
    name: 'Ada Lovelace',
    status: 'online',
    is_active: true,
    open: 2,
    in_progress: 1,
    pending: 1,
    total: 4,
    max_concurrent_tickets: 5,
    available: 1,
    at_capacity: false,
    ...overrides,
  };
}

function workload(overrides: Partial<TeamWorkload> = {}): TeamWorkload {
  return {
    team_id: 'team-1',
    name: 'Tier 1',
    members: [
      member(),
      member({
        agent_id: 'a-2',
        name: 'Alan Turing',
        total: 0,
        open: 0,
        in_progress: 0,
        pending: 0,
      }),
    ],
    unassigned_queue: 7,
    online_members: 2,
    total_load: 4,
    total_capacity: 10,
    ...overrides,
  };
}

describe('TeamsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TeamsPage>;
  const all = (id: string, from: ParentNode = fixture.nativeElement as HTMLElement) =>
    Array.from(from.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = (id: string, from: ParentNode = fixture.nativeElement as HTMLElement) =>
    from.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const WORKLOAD = '/api/teams/team-1/workload';

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TeamsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeLiveEvents(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TeamsPage);
    fixture.detectChanges();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('loads the teams, then the first team’s workload', async () => {
    expect(one('team-loading')).not.toBeNull();
    http.expectOne('/api/teams').flush({ teams: [{ id: 'team-1', name: 'Tier 1' }] });
    http.expectOne(WORKLOAD).flush(workload());
    await settle();
    const members = all('team-member');
    expect(members).toHaveLength(2);
    expect(members[0].textContent).toContain('4 / 5');
    expect(members[0].textContent).toContain('1 spare');
    expect(one('team-unassigned')?.textContent).toContain('7');
    // Nothing to move for an agent without tickets.
    expect((one('bulk-reassign', members[1]) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when there are no teams', async () => {
    http.expectOne('/api/teams').flush([]);
    await settle();
    expect(one('teams-empty')).not.toBeNull();
  });

  it('shows a workload failure with a retry', async () => {
    http.expectOne('/api/teams').flush([{ id: 'team-1', name: 'Tier 1' }]);
    http
      .expectOne(WORKLOAD)
      .flush(
        { statusCode: 403, error: 'forbidden', message: 'Not your team' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();
    expect(one('workload-error')?.textContent).toContain('Not your team');
    (one('workload-error')?.querySelector('button') as HTMLButtonElement).click();
    http.expectOne(WORKLOAD).flush(workload());
  });

  it('re-reads the workload on assignment events', async () => {
    jest.useFakeTimers();
    try {
      http.expectOne('/api/teams').flush([{ id: 'team-1', name: 'Tier 1' }]);
      http.expectOne(WORKLOAD).flush(workload());
      const live = TestBed.inject(FakeLiveEvents);
      live.ticketEvent('ticket.updated', 't-1');
      jest.advanceTimersByTime(WORKLOAD_REFRESH_DEBOUNCE_MS + 10);
      http.expectNone(WORKLOAD);
      live.ticketEvent('ticket.assigned', 't-1');
      live.ticketEvent('ticket.assigned', 't-2');
      jest.advanceTimersByTime(WORKLOAD_REFRESH_DEBOUNCE_MS + 10);
      http.expectOne(WORKLOAD).flush(workload({ unassigned_queue: 5 }));
      fixture.detectChanges();
      expect(one('team-unassigned')?.textContent).toContain('5');
    } finally {
      jest.useRealTimers();
    }
  });

  it('bulk-reassigns an agent’s tickets and shows moved and not placed', async () => {
    http.expectOne('/api/teams').flush([{ id: 'team-1', name: 'Tier 1' }]);
    http.expectOne(WORKLOAD).flush(workload());
    await settle();
    one('bulk-reassign', all('team-member')[0])?.click();
    await settle();

    one('bulk-reassign-submit', document)?.click();
    await settle();
    expect(one('bulk-reassign-reason-error', document)).not.toBeNull();
    http.expectNone('/api/tickets/bulk-reassign');

    const reason = one('bulk-reassign-reason', document) as HTMLTextAreaElement;
    reason.value = 'Going off shift';
    reason.dispatchEvent(new Event('input'));
    one('bulk-reassign-submit', document)?.click();
    const req = http.expectOne('/api/tickets/bulk-reassign');
    expect(req.request.body).toEqual({
      from_agent_id: 'a-1',
      team_id: 'team-1',
      reason: 'Going off shift',
    });
    req.flush({
      bulk_id: 'b-1',
      selected: 4,
      moved: [
        { ticket_id: 't-1', ticket_number: 1001, to_agent_id: 'a-2', to_agent_name: 'Alan Turing' },
      ],
      not_placed: [{ ticket_id: 't-2', reason: 'no_capacity', message: 'Nobody has room' }],
      targets: [],
      skipped_agents: [],
    });
    await settle();
    const result = one('bulk-reassign-result', document);
    expect(result?.textContent).toContain('1 of 4 tickets moved');
    expect(result?.textContent).toContain('#1001 → Alan Turing');
    expect(result?.textContent).toContain('No capacity: Nobody has room');
  });
});
