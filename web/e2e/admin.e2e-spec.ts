import { Browser, BrowserContext } from 'playwright-core';

import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

const PASSWORD = 'Quimbi-Demo-2026!';

describe('admin, SLA and ops pages in Chromium', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let other: BrowserContext;
  const { supportUrl } = readStack();

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await browser.newContext();
    other = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin creates a team lead who sees the team page, then deactivates them mid-session', async () => {
    const pa = await admin.newPage();
    await loginAs(pa, supportUrl, 'admin@quimbi.dev', PASSWORD);
    await pa.getByTestId('nav-admin-agents').click();
    await pa.getByTestId('agents-page').waitFor();
    await pa.getByTestId('agent-create').click();
    const email = `new.lead.${Date.now()}@quimbi.dev`;
    await pa.getByTestId('agent-email').fill(email);
    await pa.getByTestId('agent-name-input').fill('Nova Lead');
    await pa.getByTestId('role-select').click();
    await pa.getByRole('option', { name: /team.lead/i }).click();
    await pa.getByTestId('agent-password').fill('Harbor-Lantern-4471');
    await pa.getByTestId('agent-create-submit').click();
    await pa
      .getByTestId('agent-temp-password')
      .or(pa.getByTestId('agent-row').first())
      .first()
      .waitFor();
    await pa.getByTestId('agent-search').fill(email);
    const row = pa.locator('[data-testid="agent-row"]', { hasText: email });
    await row.waitFor({ timeout: 15_000 });

    const pb = await other.newPage();
    await loginAs(pb, supportUrl, email, 'Harbor-Lantern-4471');
    await pb.getByTestId('nav-admin-teams').click();
    await pb.getByTestId('team-page').waitFor({ timeout: 15_000 });
    expect(await pb.getByTestId('nav-admin-agents').count()).toBe(0);

    await row.getByTestId('agent-deactivate').click();
    await pa
      .locator('[data-testid="agent-row"]', { hasText: email })
      .getByTestId('agent-reactivate')
      .waitFor({ timeout: 15_000 });

    // The lead's open session is refused on its next request: the console returns to login.
    await pb.getByTestId('nav-inbox').click();
    await pb.getByTestId('login-email').waitFor({ timeout: 15_000 });
  });

  it('a manager shortens the urgent policy and the open urgent ticket’s deadline moves; ops runs the SLA check', async () => {
    const pm = await admin.newPage();
    await loginAs(pm, supportUrl, 'morgan.reyes@quimbi.dev', PASSWORD);
    await pm.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const token = await pm.evaluate(() => localStorage.getItem('quimbi.access_token'));
    const headers = { Authorization: `Bearer ${token}` };
    const list = await (
      await pm.request.get(`${supportUrl}/api/tickets?limit=200`, { headers })
    ).json();
    const urgent = (list.tickets as { id: string; priority: string; status: string }[]).find(
      (t) => t.priority === 'urgent',
    );
    expect(urgent).toBeDefined();
    const before = await (
      await pm.request.get(`${supportUrl}/api/tickets/${urgent?.id}/sla`, { headers })
    ).json();
    const policies = await (
      await pm.request.get(`${supportUrl}/api/sla/policies`, { headers })
    ).json();
    const original = (
      (Array.isArray(policies) ? policies : policies.policies) as {
        priority: string;
        first_response_target_seconds: number;
      }[]
    ).find((p) => p.priority === 'urgent')?.first_response_target_seconds;
    expect(original).toEqual(expect.any(Number));
    try {
      await pm.getByTestId('nav-admin-sla').click();
      await pm.getByTestId('sla-policy-urgent').waitFor();
      const input = pm.getByTestId('sla-first-response-urgent');
      await input.fill('10');
      await pm.getByTestId('sla-save-urgent').click();
      await pm.getByTestId('sla-saved').waitFor({ timeout: 15_000 });

      const after = await (
        await pm.request.get(`${supportUrl}/api/tickets/${urgent?.id}/sla`, { headers })
      ).json();
      const deadline = (s: { first_response?: { deadline?: string } }) =>
        Date.parse(s.first_response?.deadline ?? '');
      expect(deadline(after)).toBeLessThan(deadline(before));

      await pm.getByTestId('nav-admin-ops').click();
      await pm.getByTestId('ops-page').waitFor();
      await pm.getByTestId('ops-run-sla:check').click();
      const result = pm.getByTestId('ops-run-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.textContent()).toMatch(/completed/i);
    } finally {
      // Other specs share the demo policies.
      await pm.request.patch(`${supportUrl}/api/sla/policies/urgent`, {
        headers,
        data: { first_response_target_seconds: original },
      });
    }
  });

  it('an agent whose password was reset must choose a new one before anything else', async () => {
    const pa = await admin.newPage();
    await loginAs(pa, supportUrl, 'admin@quimbi.dev', PASSWORD);
    await pa.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
    const token = await pa.evaluate(() => localStorage.getItem('quimbi.access_token'));
    const reset = await pa.request.post(`${supportUrl}/api/agents/agt_14/reset-password`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(reset.status()).toBe(200);
    const temporary = (await reset.json()).temporary_password as string;

    const pn = await other.newPage();
    await loginAs(pn, supportUrl, 'nadia.haddad@quimbi.dev', temporary);
    await pn.getByTestId('change-password-page').waitFor({ timeout: 15_000 });
    await pn.getByTestId('current-password').fill(temporary);
    await pn.getByTestId('new-password').fill('short');
    await pn.getByTestId('change-password-submit').click();
    await pn.getByTestId('change-password-error').waitFor();
    await pn.getByTestId('new-password').fill('Copper-Meadow-Lantern-58');
    await pn.getByTestId('change-password-submit').click();
    await pn.getByTestId('ticket-row').first().waitFor({ timeout: 30_000 });
  });
});
