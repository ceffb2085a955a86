import { Browser, BrowserContext, Page } from 'playwright-core';

import { apiLogin, ApiClient, DEMO_PASSWORD, uniqueSuffix, withSupportDb } from './support/api';
import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Copper-Signal-7730!';

interface TicketDetail {
  ticket: { id: string; number: number; subject: string; version: number; status: string };
}

interface NotificationList {
  notifications: { id: string; ticket_id: string | null; title: string; read_at: string | null }[];
  unread: number;
}

/** Waits until the bell's badge shows `count` unread (hidden at 0). */
async function waitForBadge(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const host = document.querySelector('[data-testid="notifications-badge"]');
      if (!host) return false;
      const content = host.querySelector('.mat-badge-content');
      const shown =
        !host.classList.contains('mat-badge-hidden') && content ? (content.textContent ?? '').trim() : '';
      return expected === 0 ? shown === '' : shown === String(expected);
    },
    count,
    { timeout: 20_000 },
  );
}

describe('SLA breach notifications of a team lead in Chromium', () => {
  let browser: Browser;
  let leadContext: BrowserContext;
  let manager: ApiClient;
  const { supportUrl } = readStack();
  const createdTickets: string[] = [];
  const createdAgents: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    leadContext = await browser.newContext();
    manager = await apiLogin(supportUrl, 'morgan.reyes@quimbi.dev', DEMO_PASSWORD);
  });

  afterAll(async () => {
    // Take this spec's tickets out of the open inboxes and its agents out of assignment.
    for (const id of createdTickets) {
      const current = await manager.get<TicketDetail>(`/api/tickets/${id}`);
      if (current.status === 200 && current.body.ticket.status !== 'resolved') {
        await manager.patch(`/api/tickets/${id}`, { version: current.body.ticket.version, status: 'resolved' });
      }
    }
    for (const id of createdAgents) await manager.patch(`/api/agents/${id}`, { is_active: false });
    await browser?.close();
  });

  /** A team of its own, so its lead hears only of this spec's breaches. */
  async function teamWithLeadAndMember(suffix: string) {
    const lead = await manager.post<{ agent: { id: string; email: string } }>('/api/agents', {
      email: `sla.lead.${suffix}@quimbi.dev`,
      name: `Lena Watch ${suffix}`,
      role: 'team_lead',
      password: PASSWORD,
    });
    expect(lead.status).toBe(201);
    createdAgents.push(lead.body.agent.id);
    const team = await manager.post<{ id: string }>('/api/teams', {
      name: `SLA Watch ${suffix}`,
      lead_agent_id: lead.body.agent.id,
    });
    expect(team.status).toBe(201);
    const joined = await manager.patch(`/api/agents/${lead.body.agent.id}`, { team_id: team.body.id });
    expect(joined.status).toBe(200);
    const member = await manager.post<{ agent: { id: string } }>('/api/agents', {
      email: `sla.member.${suffix}@quimbi.dev`,
      name: `Milo Watch ${suffix}`,
      role: 'agent',
      team_id: team.body.id,
      password: PASSWORD,
    });
    expect(member.status).toBe(201);
    createdAgents.push(member.body.agent.id);
    return { leadEmail: lead.body.agent.email, memberId: member.body.agent.id };
  }

  /** An open ticket assigned to the member (so the assignee's team decides who hears of it). */
  async function ticketFor(memberId: string, subject: string) {
    const created = await manager.post<TicketDetail>('/api/tickets', {
      customer: { email: `sla.customer.${uniqueSuffix()}@example.com`, name: 'Casey Waiting' },
      channel: 'email',
      subject,
      message: 'I have been waiting for an answer about my order for a while now.',
      priority: 'normal',
    });
    expect(created.status).toBe(201);
    createdTickets.push(created.body.ticket.id);
    const assigned = await manager.post(`/api/tickets/${created.body.ticket.id}/assign`, {
      agent_id: memberId,
      force: true,
    });
    expect(assigned.status).toBe(200);
    return created.body.ticket;
  }

  it('shows the breach live in the bell; opening it shows the ticket and the count drops by one', async () => {
    const suffix = uniqueSuffix();
    const { leadEmail, memberId } = await teamWithLeadAndMember(suffix);
    const first = await ticketFor(memberId, `Parcel stuck ${suffix}`);
    const second = await ticketFor(memberId, `Refund pending ${suffix}`);

    // The lead has the console open, following the live stream, with nothing unread.
    const page = await leadContext.newPage();
    await loginAs(page, supportUrl, leadEmail, PASSWORD);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('inbox-live').waitFor({ timeout: 20_000 });
    await waitForBadge(page, 0);
    expect(await page.getByTestId('notifications-button').getAttribute('aria-label')).toBe('Notifications');
    // Survives anything but a full page load.
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>)['e2eSamePage'] = true;
    });

    // Both first-response deadlines pass; the scheduled check, run by the manager, records them.
    await withSupportDb((db) =>
      db.query(
        `UPDATE sla_tracking
            SET first_response_deadline = now() - interval '1 minute',
                first_response_warning_at = now() - interval '2 minutes'
          WHERE ticket_id = ANY($1::text[])`,
        [[first.id, second.id]],
      ),
    );
    const run = await manager.post<{ state: string; error: string | null }>('/api/ops/jobs/sla:check/run', {});
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ state: 'completed', error: null });

    // The badge counts both without a reload.
    await waitForBadge(page, 2);
    expect(await page.getByTestId('notifications-button').getAttribute('aria-label')).toBe(
      'Notifications, 2 unread',
    );
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['e2eSamePage'])).toBe(true);

    await page.getByTestId('notifications-button').click();
    const items = page.getByTestId('notification-item');
    const firstItem = items.filter({ hasText: `SLA breached: #${first.number} ${first.subject}` });
    const secondItem = items.filter({ hasText: `SLA breached: #${second.number} ${second.subject}` });
    await firstItem.waitFor({ timeout: 15_000 });
    await secondItem.waitFor();
    expect(await items.count()).toBe(2);
    expect(await firstItem.getAttribute('data-unread')).toBe('true');
    expect(await secondItem.getAttribute('data-unread')).toBe('true');
    expect(await firstItem.textContent()).toContain(`assigned to Milo Watch ${suffix}`);

    // Opening one shows its ticket and marks it read: one unread left.
    const markedRead = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/notifications\/[^/]+\/read$/.test(r.url()),
    );
    await firstItem.click();
    expect((await markedRead).status()).toBe(200);
    await page.waitForURL(`**/tickets/${first.id}`, { timeout: 15_000 });
    await page.getByTestId('ticket-page').waitFor({ timeout: 15_000 });
    await waitForBadge(page, 1);
    expect(await page.getByTestId('notifications-button').getAttribute('aria-label')).toBe(
      'Notifications, 1 unread',
    );

    // The API holds the same: the opened one read, the other not.
    const lead = await apiLogin(supportUrl, leadEmail, PASSWORD);
    const stored = await lead.get<NotificationList>('/api/notifications');
    expect(stored.status).toBe(200);
    expect(stored.body.unread).toBe(1);
    const byTicket = new Map(stored.body.notifications.map((n) => [n.ticket_id, n]));
    expect(byTicket.get(first.id)?.read_at).not.toBeNull();
    expect(byTicket.get(second.id)?.read_at).toBeNull();

    // The menu shows which one is still unread; "Mark all read" clears the badge.
    await page.getByTestId('notifications-button').click();
    await page.locator(`[data-testid="notification-item"][data-unread="false"]`, { hasText: `#${first.number} ` }).waitFor();
    await page.locator(`[data-testid="notification-item"][data-unread="true"]`, { hasText: `#${second.number} ` }).waitFor();
    const allRead = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/notifications/read-all'),
    );
    await page.getByTestId('notifications-mark-all').click();
    await waitForBadge(page, 0);
    expect((await allRead).status()).toBe(200);
    expect((await lead.get<NotificationList>('/api/notifications')).body.unread).toBe(0);
  });
});
