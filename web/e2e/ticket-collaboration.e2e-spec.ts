import { Browser, BrowserContext, Page } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Quimbi-Demo-2026!';

describe('ticket page collaboration in Chromium', () => {
  let browser: Browser;
  let a: BrowserContext;
  let b: BrowserContext;
  const { supportUrl } = readStack();

  beforeAll(async () => {
    browser = await launchBrowser();
    a = await browser.newContext();
    b = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openFirstTicket(page: Page, email: string, ticketId?: string): Promise<string> {
    await loginAs(page, supportUrl, email, PASSWORD);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const id = ticketId ?? (await page.getByTestId('ticket-row').first().getAttribute('data-ticket-id'));
    if (!id) throw new Error('no ticket id');
    await page.goto(`${supportUrl}/tickets/${id}`);
    await page.getByTestId('ticket-page').waitFor();
    return id;
  }

  it('shows two agents on one ticket to each other, and a stale edit as a conflict with reload', async () => {
    const pa = await a.newPage();
    const pb = await b.newPage();
    const id = await openFirstTicket(pa, 'morgan.reyes@quimbi.dev');
    await openFirstTicket(pb, 'grace.adeyemi@quimbi.dev', id);
    await pa.locator('[data-testid="presence-agent"][title^="Grace"]').waitFor({ timeout: 20_000 });
    await pb.locator('[data-testid="presence-agent"][title^="Morgan"]').waitFor({ timeout: 20_000 });

    // B changes the priority; A, still holding the old version, changes the status.
    const token = await pb.evaluate(() => localStorage.getItem('quimbi.access_token'));
    const ticket = await (
      await pb.request.get(`${supportUrl}/api/tickets/${id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    const res = await pb.request.patch(`${supportUrl}/api/tickets/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { version: ticket.ticket.version, priority: ticket.ticket.priority === 'urgent' ? 'high' : 'urgent' },
    });
    expect(res.status()).toBe(200);
    await pa.getByTestId('ticket-status-select').click();
    await pa.getByRole('option', { name: /pending/i }).click();
    await pa.getByTestId('conflict-banner').waitFor({ timeout: 15_000 });
    await pa.getByTestId('conflict-reload').click();
    await pa.getByTestId('conflict-banner').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
