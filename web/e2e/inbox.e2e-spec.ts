import { Browser, Page } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Quimbi-Demo-2026!';

describe('smart inbox in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const { supportUrl } = readStack();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page?.close();
  });

  it('marks topic-alert matches with ⚡, counts them, and explains a score in a popover', async () => {
    await loginAs(page, supportUrl, 'morgan.reyes@quimbi.dev', PASSWORD);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const input = page.getByTestId('topic-alerts-input');
    await input.fill('chargeback');
    await input.press('Enter');
    await page.getByTestId('topic-alert-chip').first().waitFor();
    await page.getByTestId('ticket-topic-alert').first().waitFor({ timeout: 15_000 });
    // Matches rise to the top: the first row carries the marker.
    const firstRow = page.getByTestId('ticket-row').first();
    expect(await firstRow.getByTestId('ticket-topic-alert').count()).toBe(1);
    expect(await page.getByTestId('topic-matches').textContent()).toMatch(/\d+/);

    await firstRow.getByTestId('score-chip').click();
    const popover = page.getByTestId('score-breakdown');
    await popover.waitFor();
    await page.getByTestId('breakdown-topic_alert').waitFor();
    expect(await page.getByTestId('breakdown-topic_alert').textContent()).toContain('5');
    for (const c of ['churn_risk', 'customer_value', 'urgency', 'age', 'difficulty', 'sentiment', 'sla']) {
      expect(await page.getByTestId(`breakdown-${c}`).count()).toBe(1);
    }
  });

  it('moves through the list with j/k and opens with Enter', async () => {
    await loginAs(page, supportUrl, 'morgan.reyes@quimbi.dev', PASSWORD);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const selected = page.locator('[data-testid="ticket-row"][aria-selected="true"]');
    await selected.waitFor();
    const id = await selected.getAttribute('data-ticket-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/tickets/${id}`);
    await page.getByTestId('ticket-page').waitFor();
  });
});
