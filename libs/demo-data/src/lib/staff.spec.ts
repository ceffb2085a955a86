import { INTENTS, ROLES } from '@quimbi/contracts';

import { DEMO_ADMIN_EMAIL, DEMO_AGENTS, DEMO_PASSWORD, DEMO_TEAMS, demoStaff } from './staff';

describe('demo staff', () => {
  it('exposes the shared demo credentials', () => {
    expect(DEMO_PASSWORD).toBe('Quimbi-Demo-2026!');
    expect(DEMO_ADMIN_EMAIL).toBe('admin@quimbi.dev');
  });

  it('has exactly one admin, Avery Admin', () => {
    const admins = DEMO_AGENTS.filter((a) => a.role === 'admin');
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ email: DEMO_ADMIN_EMAIL, name: 'Avery Admin' });
  });

  it('covers every role with about fourteen agents', () => {
    expect(new Set(DEMO_AGENTS.map((a) => a.role))).toEqual(new Set(ROLES));
    expect(DEMO_AGENTS.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_AGENTS.length).toBeLessThanOrEqual(16);
    expect(DEMO_AGENTS.filter((a) => a.role === 'manager').length).toBeGreaterThanOrEqual(1);
    expect(DEMO_AGENTS.filter((a) => a.role === 'senior_agent').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every team a team lead who leads it', () => {
    for (const team of DEMO_TEAMS) {
      const lead = DEMO_AGENTS.find((a) => a.id === team.leadAgentId);
      expect(lead).toMatchObject({ role: 'team_lead', teamId: team.id });
      expect(DEMO_AGENTS.filter((a) => a.teamId === team.id && a.role === 'team_lead')).toHaveLength(1);
    }
    expect(DEMO_TEAMS.map((t) => t.name)).toEqual(expect.arrayContaining(['Tier 1', 'Escalations', 'Billing & Disputes']));
  });

  it('uses unique @quimbi.dev emails, valid intents and a status mix', () => {
    expect(new Set(DEMO_AGENTS.map((a) => a.email)).size).toBe(DEMO_AGENTS.length);
    for (const a of DEMO_AGENTS) {
      expect(a.email).toMatch(/^[a-z.]+@quimbi\.dev$/);
      for (const s of a.specializations) expect(INTENTS).toContain(s);
      expect(a.maxConcurrentTickets).toBeGreaterThan(0);
    }
    const statuses = new Set(DEMO_AGENTS.map((a) => a.status));
    for (const s of ['online', 'away', 'offline'] as const) expect(statuses).toContain(s);
    // Every intent is someone's specialization, and every team's focus is covered by its members.
    const covered = new Set(DEMO_AGENTS.flatMap((a) => a.specializations));
    for (const i of INTENTS) expect(covered).toContain(i);
  });

  it('hands out copies', () => {
    const a = demoStaff();
    a.agents[0]?.specializations.push('other');
    a.teams[0]?.focusIntents.pop();
    expect(demoStaff()).toEqual({ teams: DEMO_TEAMS, agents: DEMO_AGENTS });
  });
});
