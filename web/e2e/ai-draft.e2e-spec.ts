import { Browser, Page } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Quimbi-Demo-2026!';

interface ListItem {
  id: string;
  subject: string;
}

describe('AI draft on the ticket page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const { supportUrl } = readStack();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a ticket with the draft naming the real order, edits, sends, and records the first response', async () => {
    await loginAs(page, supportUrl, 'daniel.okafor@quimbi.dev', PASSWORD);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const token = await page.evaluate(() => localStorage.getItem('quimbi.access_token'));
    const headers = { Authorization: `Bearer ${token}` };
    // The best-placed open ticket about an order that nobody has answered yet.
    const list = await (await page.request.get(`${supportUrl}/api/tickets?limit=200`, { headers })).json();
    let target: { id: string; order: string } | null = null;
    for (const t of list.tickets as ListItem[]) {
      const detail = await (await page.request.get(`${supportUrl}/api/tickets/${t.id}`, { headers })).json();
      const text = [detail.ticket.subject, ...detail.messages.map((m: { content: string }) => m.content)].join(' ');
      const order = /#\d{4,}/.exec(text)?.[0];
      if (order && !detail.ticket.first_response_at && detail.ticket.channel === 'email') {
        target = { id: t.id, order };
        break;
      }
    }
    expect(target).not.toBeNull();
    if (!target) return;

    await page.goto(`${supportUrl}/tickets/${target.id}`);
    await page.getByTestId('ticket-page').waitFor();
    await page.locator('[data-testid="draft-status"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const composer = page.getByTestId('composer-input');
    const draft = await composer.inputValue();
    expect(draft).toContain(target.order);
    expect(await page.getByTestId('draft-fallback').count()).toBe(0);

    await composer.fill(`${draft}\n\nP.S. I have added a note to your account.`);
    await page.getByTestId('composer-send').click();
    await page
      .locator('[data-testid="message"][data-kind="reply"]', { hasText: 'P.S. I have added a note' })
      .waitFor({ timeout: 15_000 });
    const after = await (await page.request.get(`${supportUrl}/api/tickets/${target.id}`, { headers })).json();
    expect(after.ticket.first_response_at).not.toBeNull();
    expect(after.sla.first_response.status).toMatch(/met|breached/);
  });
});
