import { Browser, BrowserContext } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Quimbi-Demo-2026!';

describe('team lead bulk reassignment in Chromium', () => {
  let browser: Browser;
  let lead: BrowserContext;
  let receiver: BrowserContext;
  const { supportUrl } = readStack();

  beforeAll(async () => {
    browser = await launchBrowser();
    lead = await browser.newContext();
    receiver = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("moves an offline agent's tickets to a teammate whose open inbox shows them without reloading", async () => {
    // The receiving agent (Tier 1) has the inbox open.
    const pr = await receiver.newPage();
    await loginAs(pr, supportUrl, 'sofia.marquez@quimbi.dev', PASSWORD);
    await pr.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });

    // Give the offline agent (Jordan Blake, Tier 1) two tickets of his own first, as a lead can.
    const pl = await lead.newPage();
    await loginAs(pl, supportUrl, 'priya.natarajan@quimbi.dev', PASSWORD);
    await pl.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const token = await pl.evaluate(() => localStorage.getItem('quimbi.access_token'));
    const headers = { Authorization: `Bearer ${token}` };
    const list = await (await pl.request.get(`${supportUrl}/api/tickets?limit=200`, { headers })).json();
    const unassigned = (list.tickets as { id: string; assigned_agent_id: string | null }[])
      .filter((t) => t.assigned_agent_id === null)
      .slice(0, 2);
    for (const t of unassigned) {
      const res = await pl.request.post(`${supportUrl}/api/tickets/${t.id}/assign`, {
        headers,
        data: { agent_id: 'agt_08', force: true },
      });
      expect(res.status()).toBe(200);
    }
    // The lead makes room in Sofia's capacity (their own team), so the move can be placed.
    const room = await pl.request.patch(`${supportUrl}/api/teams/team_tier1/members/agt_05`, {
      headers,
      data: { max_concurrent_tickets: 80 },
    });
    expect(room.status()).toBe(200);
    // Now hidden from the receiver (assigned to someone else).
    for (const t of unassigned) {
      await pr.locator(`[data-testid="ticket-row"][data-ticket-id="${t.id}"]`).waitFor({ state: 'detached', timeout: 20_000 });
    }

    await pl.getByTestId('nav-admin-teams').click();
    await pl.getByTestId('team-page').waitFor();
    const jordan = pl.locator('[data-testid="team-member"]', { hasText: 'Jordan Blake' });
    await jordan.waitFor({ timeout: 15_000 });
    await jordan.getByTestId('bulk-reassign').click();
    await pl.getByTestId('bulk-reassign-targets').click();
    await pl.getByRole('option', { name: /Sofia Marquez/ }).click();
    await pl.keyboard.press('Escape');
    await pl.getByTestId('bulk-reassign-reason').fill('Jordan is off shift');
    await pl.getByTestId('bulk-reassign-submit').click();
    await pl.getByTestId('bulk-reassign-result').waitFor({ timeout: 15_000 });
    expect(await pl.getByTestId('bulk-moved').count()).toBeGreaterThanOrEqual(2);

    // The receiver's open inbox shows them without a reload.
    for (const t of unassigned) {
      await pr.locator(`[data-testid="ticket-row"][data-ticket-id="${t.id}"]`).waitFor({ timeout: 20_000 });
    }
  });
});
