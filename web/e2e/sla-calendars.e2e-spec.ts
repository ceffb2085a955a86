import { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { apiLogin, ApiClient, DEMO_PASSWORD, uniqueSuffix } from './support/api';
import { launchBrowser, loginAs } from './support/browser';
import { readStack } from './support/stack';

interface Calendar {
  id: string;
  name: string;
  time_zone: string;
  opening_hours: Record<string, { start: string; end: string }[]>;
  used_by_priorities: string[];
}

interface Policy {
  priority: string;
  first_response_target_seconds: number;
  resolution_target_seconds: number;
  warning_threshold_percent: number;
  business_hours_only: boolean;
  calendar_id: string | null;
  escalate_priority_on_breach: boolean;
}

describe('SLA business calendars in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let manager: ApiClient;
  const { supportUrl } = readStack();
  /** Calendars this spec created, removed at the end if a test stopped before deleting them. */
  const createdCalendars = new Set<string>();

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    manager = await apiLogin(supportUrl, 'morgan.reyes@quimbi.dev', DEMO_PASSWORD);
  });

  afterAll(async () => {
    for (const id of createdCalendars) await manager.delete(`/api/sla/calendars/${id}`);
    await browser?.close();
  });

  async function openSlaSettings(): Promise<Page> {
    const page = await context.newPage();
    await loginAs(page, supportUrl, 'morgan.reyes@quimbi.dev', DEMO_PASSWORD);
    await page.getByTestId('nav-admin-sla').click();
    await page.waitForURL('**/admin/sla');
    await page.getByTestId('calendar-create').waitFor({ timeout: 20_000 });
    return page;
  }

  function row(page: Page, name: string): Locator {
    return page.locator('[data-testid="calendar-row"]', {
      has: page.locator('strong', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }),
    });
  }

  /** Creates a calendar through the form: Mon–Fri 09:00–17:00 (the form's default week). */
  async function createCalendar(page: Page, name: string, timeZone: string): Promise<string> {
    await page.getByTestId('calendar-create').click();
    const form = page.getByTestId('calendar-form');
    await form.waitFor();
    expect((await page.getByTestId('calendar-form-title').textContent())?.trim()).toBe('New calendar');
    await page.getByTestId('calendar-name').fill(name);
    await page.getByTestId('calendar-time-zone').fill(timeZone);
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-notice').filter({ hasText: `Calendar “${name}” created.` }).waitFor({ timeout: 15_000 });
    await form.waitFor({ state: 'detached' });
    const created = row(page, name);
    await created.waitFor();
    const id = await created.getAttribute('data-calendar-id');
    if (!id) throw new Error(`no id on the row of ${name}`);
    createdCalendars.add(id);
    return id;
  }

  it('creates a calendar, edits its name and hours, and deletes it after confirming', async () => {
    const page = await openSlaSettings();
    const name = `E2E hours ${uniqueSuffix()}`;
    const id = await createCalendar(page, name, 'Europe/Berlin');

    const created = row(page, name);
    const createdText = (await created.textContent()) ?? '';
    expect(createdText).toContain('Europe/Berlin');
    expect(createdText).toContain('Mon 09:00–17:00');
    expect(createdText).toContain('Fri 09:00–17:00');
    expect(createdText).not.toContain('Sat');
    const stored = await manager.get<Calendar>(`/api/sla/calendars/${id}`);
    expect(stored.body).toMatchObject({ name, time_zone: 'Europe/Berlin', used_by_priorities: [] });

    // Edit: the form is prefilled, nothing to save until something changes.
    await created.getByTestId('calendar-edit').click();
    await page.getByTestId('calendar-form').waitFor();
    expect((await page.getByTestId('calendar-form-title').textContent())?.trim()).toBe(`Edit “${name}”`);
    expect(await page.getByTestId('calendar-name').inputValue()).toBe(name);
    expect(await page.getByTestId('calendar-start-3-0').inputValue()).toBe('09:00');
    expect(await page.getByTestId('calendar-save').isDisabled()).toBe(true);

    const renamed = `${name} (edited)`;
    await page.getByTestId('calendar-name').fill(renamed);
    // Wednesday opens later and closes earlier; Saturday morning opens.
    await page.getByTestId('calendar-start-3-0').fill('10:00');
    await page.getByTestId('calendar-end-3-0').fill('15:30');
    await page.getByTestId('calendar-open-6').click();
    await page.getByTestId('calendar-end-6-0').fill('12:00');
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-notice').filter({ hasText: `Calendar “${renamed}” saved.` }).waitFor({ timeout: 15_000 });
    await page.getByTestId('calendar-form').waitFor({ state: 'detached' });

    // The list shows the change: one row, renamed, with the new hours.
    const edited = page.locator(`[data-testid="calendar-row"][data-calendar-id="${id}"]`);
    await edited.filter({ hasText: renamed }).waitFor();
    expect(await row(page, name).count()).toBe(0);
    const editedText = (await edited.textContent()) ?? '';
    expect(editedText).toContain('Wed 10:00–15:30');
    expect(editedText).toContain('Tue 09:00–17:00');
    expect(editedText).toContain('Sat 09:00–12:00');
    const saved = await manager.get<Calendar>(`/api/sla/calendars/${id}`);
    expect(saved.body.name).toBe(renamed);
    expect(saved.body.opening_hours['3']).toEqual([{ start: '10:00', end: '15:30' }]);
    expect(saved.body.opening_hours['6']).toEqual([{ start: '09:00', end: '12:00' }]);
    expect(saved.body.opening_hours['7'] ?? []).toEqual([]);

    // Still so after a reload.
    await page.reload();
    await page.locator(`[data-testid="calendar-row"][data-calendar-id="${id}"]`, { hasText: 'Wed 10:00–15:30' }).waitFor({
      timeout: 20_000,
    });

    // Delete asks first; "Keep" leaves it alone.
    const reloaded = page.locator(`[data-testid="calendar-row"][data-calendar-id="${id}"]`);
    await reloaded.getByTestId('calendar-delete').click();
    const question = reloaded.getByTestId('calendar-delete-question');
    await question.waitFor();
    expect(await question.textContent()).toContain(`Delete “${renamed}”?`);
    await reloaded.getByTestId('calendar-delete-cancel').click();
    await question.waitFor({ state: 'detached' });
    expect(await manager.get(`/api/sla/calendars/${id}`)).toMatchObject({ status: 200 });

    await reloaded.getByTestId('calendar-delete').click();
    await reloaded.getByTestId('calendar-delete-confirm').click();
    await page.getByTestId('calendar-notice').filter({ hasText: `Calendar “${renamed}” deleted.` }).waitFor({ timeout: 15_000 });
    await reloaded.waitFor({ state: 'detached' });
    expect(await manager.get(`/api/sla/calendars/${id}`)).toMatchObject({ status: 404 });
    createdCalendars.delete(id);
  });

  it('refuses to delete a calendar a policy counts business hours with, showing why in its row', async () => {
    const policies = await manager.get<{ policies: Policy[] }>('/api/sla/policies');
    const original = policies.body.policies.find((p) => p.priority === 'low');
    if (!original) throw new Error('no low priority policy');
    const page = await openSlaSettings();
    const name = `E2E in use ${uniqueSuffix()}`;
    const id = await createCalendar(page, name, 'UTC');

    try {
      // The low priority policy counts this calendar's opening hours only.
      const card = page.getByTestId('sla-policy-low');
      await card.getByTestId('sla-calendar-low').click();
      await page.getByRole('option', { name: `${name} (UTC)` }).click();
      await card.getByTestId('sla-business-hours-low').click();
      await card.getByTestId('sla-save-low').click();
      await card.getByTestId('sla-saved').waitFor({ timeout: 15_000 });
      const low = (await manager.get<{ policies: Policy[] }>('/api/sla/policies')).body.policies.find(
        (p) => p.priority === 'low',
      );
      expect(low).toMatchObject({ business_hours_only: true, calendar_id: id });

      // Deleting it now is refused; the row shows the API's reason and stays.
      const inUse = page.locator(`[data-testid="calendar-row"][data-calendar-id="${id}"]`);
      await inUse.getByTestId('calendar-delete').click();
      await inUse.getByTestId('calendar-delete-confirm').click();
      const error = inUse.getByTestId('calendar-delete-error');
      await error.waitFor({ timeout: 15_000 });
      const shown = ((await error.textContent()) ?? '').trim();
      expect(shown).toContain('used by the SLA policies of priority low');
      const refused = await manager.delete<{ message: string }>(`/api/sla/calendars/${id}`);
      expect(refused.status).toBe(409);
      expect(shown).toBe(refused.body.message);
      expect(await inUse.getByTestId('calendar-delete').isVisible()).toBe(true);
      expect(await page.getByTestId('calendar-notice').count()).toBe(0);

      // After a reload the row says which policy uses it.
      await page.reload();
      await page.locator(`[data-testid="calendar-row"][data-calendar-id="${id}"]`, { hasText: 'Used by: low' }).waitFor({
        timeout: 20_000,
      });
    } finally {
      const restored = await manager.patch<Policy>('/api/sla/policies/low', {
        first_response_target_seconds: original.first_response_target_seconds,
        resolution_target_seconds: original.resolution_target_seconds,
        warning_threshold_percent: original.warning_threshold_percent,
        business_hours_only: original.business_hours_only,
        calendar_id: original.calendar_id,
        escalate_priority_on_breach: original.escalate_priority_on_breach,
      });
      expect(restored.status).toBe(200);
    }
    expect(await manager.delete(`/api/sla/calendars/${id}`)).toMatchObject({ status: 204 });
    createdCalendars.delete(id);
  });
});
