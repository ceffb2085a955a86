import { Browser, Page } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const ADMIN = { email: 'admin@quimbi.dev', password: 'Quimbi-Demo-2026!' };

describe('console shell in Chromium', () => {
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

  it('logs in, sees the smart inbox, and logs out', async () => {
    await loginAs(page, supportUrl, ADMIN.email, ADMIN.password);
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ticket-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('agent-name').textContent()).toContain('Avery Admin');
    const token = await page.evaluate(() => Object.values(localStorage).join(' '));
    expect(token.length).toBeGreaterThan(20);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
    expect(page.url()).toContain('/login');
    // The old session is gone: the API refuses the token that was revoked.
    const res = await fetch(`${supportUrl}/api/agents/me`, {
      headers: { Authorization: `Bearer ${token.split(' ').find((x) => x.split('.').length === 3) ?? ''}` },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a wrong password with a visible error', async () => {
    await loginAs(page, supportUrl, ADMIN.email, 'definitely-wrong');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/invalid email or password/i);
  });
});
