import { INTENTS } from '@quimbi/contracts';

import { generateDemoStore } from './generate';
import { render } from './text';
import { AGENT_OVERRIDES, AGENT_TEXT, FOLLOW_UPS, GREETINGS, SCENARIO_TEXT, SIGNOFFS, TONE_LINES } from './ticket-text';
import { SCENARIOS } from './tickets';
import { Rng } from './random';
import type { DemoStore, Ticket } from './types';

const NOW = new Date('2026-03-15T14:30:00Z');
const DAY = 86_400_000;

const firstCustomerText = (t: Ticket): string =>
  t.messages.filter((m) => m.fromCustomer && m.createdAt.getTime() - t.createdAt.getTime() < 60_000).map((m) => m.body).join(' ');

describe('ticket templates', () => {
  it('has text for every scenario and every intent', () => {
    for (const s of SCENARIOS) {
      const text = SCENARIO_TEXT[s.key];
      expect(text).toBeDefined();
      expect(text?.subjects.length).toBeGreaterThan(0);
      expect(text?.long.length).toBeGreaterThan(0);
      expect(text?.short.length).toBeGreaterThan(0);
      expect(text?.spoken.length).toBeGreaterThan(0);
    }
    expect(Object.keys(SCENARIO_TEXT).sort()).toEqual(SCENARIOS.map((s) => s.key).sort());
    for (const key of Object.keys(AGENT_OVERRIDES)) expect(SCENARIO_TEXT[key]).toBeDefined();
    for (const i of INTENTS) expect(SCENARIOS.some((s) => s.intent === i)).toBe(true);
  });

  it('renders every template without leftover syntax', () => {
    const anything = new Proxy({} as Record<string, string>, { get: () => 'x' });
    const all: string[] = [
      ...Object.values(SCENARIO_TEXT).flatMap((t) => [t.topic, ...t.subjects, ...t.long, ...t.short, ...t.spoken]),
      ...Object.values(AGENT_TEXT).flatMap((t) => Object.values(t).flat()),
      ...Object.values(AGENT_OVERRIDES).flatMap((t) => Object.values(t).flat()),
      ...Object.values(FOLLOW_UPS).flatMap((t) => [...t.long, ...t.short]),
      ...Object.values(GREETINGS).flat(),
      ...Object.values(SIGNOFFS).flat(),
      ...Object.values(TONE_LINES).flatMap((t) => [...t.before, ...t.after]),
    ];
    const r = new Rng(1);
    for (const template of all) {
      for (let i = 0; i < 3; i++) expect(render(template, anything, r)).not.toMatch(/[{}[\]]/);
    }
  });

  it('renders with real data for other seeds too', () => {
    for (const seed of [3, 11, 'alt']) {
      const store = generateDemoStore({ seed, now: NOW, customers: 600, tickets: 200 });
      for (const t of store.tickets) {
        for (const m of t.messages) expect(m.body).not.toMatch(/[{}[\]]|undefined|NaN/);
      }
    }
  });
});

describe('generated tickets', () => {
  let store: DemoStore;
  let tickets: Ticket[];

  beforeAll(() => {
    store = generateDemoStore({ now: NOW });
    tickets = store.tickets;
  });

  it('leaves about 40 % of open tickets unassigned and respects agent capacity', () => {
    const open = tickets.filter((t) => t.status === 'open');
    const unassigned = open.filter((t) => t.assignedAgentId === null).length / open.length;
    expect(unassigned).toBeGreaterThan(0.3);
    expect(unassigned).toBeLessThan(0.5);
    const active = tickets.filter((t) => ['open', 'in_progress', 'pending'].includes(t.status));
    for (const a of store.agents) {
      expect(active.filter((t) => t.assignedAgentId === a.id).length).toBeLessThanOrEqual(a.maxConcurrentTickets);
    }
    const admin = store.agents.find((a) => a.role === 'admin');
    const manager = store.agents.find((a) => a.role === 'manager');
    expect(tickets.some((t) => t.assignedAgentId === admin?.id || t.assignedAgentId === manager?.id)).toBe(false);
  });

  it('skews open tickets to recent while keeping some older than two days', () => {
    const age = (t: Ticket): number => (NOW.getTime() - t.createdAt.getTime()) / DAY;
    const open = tickets.filter((t) => t.status === 'open').map(age);
    const older = open.filter((a) => a > 2).length / open.length;
    expect(older).toBeGreaterThan(0.1);
    expect(older).toBeLessThan(0.6);
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const done = tickets.filter((t) => t.status === 'resolved' || t.status === 'closed').map(age);
    expect(median(open)).toBeLessThan(median(done));
  });

  it('writes channel-appropriate messages', () => {
    const first = (channel: string): string[] =>
      tickets.filter((t) => t.channel === channel).map((t) => t.messages[0]?.body ?? '');
    const avg = (xs: string[]): number => xs.reduce((s, x) => s + x.length, 0) / xs.length;
    const sms = first('sms');
    for (const m of sms) expect(m.length).toBeLessThanOrEqual(320);
    expect(avg(sms)).toBeLessThan(avg(first('email')) / 2);
    expect(avg(first('chat'))).toBeLessThan(avg(first('email')) / 2);
    for (const m of first('phone')) expect(m).toMatch(/^(Inbound call|Voicemail) \(\d+m \d{2}s\)/);
    for (const m of first('form')) expect(m).toMatch(/^Name: .+\nEmail: .+\nOrder number: .+\nTopic: .+/);
    // Emails end with a sign-off carrying the customer's name.
    const customers = new Map(store.customers.map((c) => [c.id, c]));
    for (const t of tickets.filter((x) => x.channel === 'email')) {
      const c = customers.get(t.customerId);
      expect(t.messages[0]?.body).toContain(c?.firstName ?? '???');
    }
    // Agent emails are signed; chat replies are short.
    const agentEmails = tickets
      .filter((t) => t.channel === 'email')
      .flatMap((t) => t.messages.filter((m) => !m.fromCustomer && !m.isInternal));
    for (const m of agentEmails) expect(m.body).toMatch(/Customer Care$/);
  });

  it('derives SMS and chat subjects from the first message', () => {
    const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
    for (const t of tickets.filter((x) => x.channel === 'sms' || x.channel === 'chat')) {
      const prefix = t.subject.replace(/…$/, '');
      expect(flat(firstCustomerText(t)).includes(prefix)).toBe(true);
    }
    for (const t of tickets.filter((x) => x.channel === 'phone')) expect(t.subject).toMatch(/^(Phone call|Voicemail): /);
    for (const t of tickets.filter((x) => x.channel === 'form')) expect(t.subject).toMatch(/^Contact form: /);
  });

  it('mixes tones, including furious customers who threaten disputes', () => {
    const tones = new Set(tickets.map((t) => t.toneHint));
    expect(tones).toEqual(new Set(['calm', 'polite', 'annoyed', 'furious', 'grateful']));
    const customerText = tickets.flatMap((t) => t.messages.filter((m) => m.fromCustomer).map((m) => m.body)).join('\n');
    expect(customerText).toMatch(/!!!/);
    expect(customerText).toMatch(/third time/i);
    expect(customerText).toMatch(/ridiculous/i);
    expect(customerText).toMatch(/(bank|chargeback|dispute)/i);
    expect(customerText).toMatch(/[A-Z]{4,} [A-Z]{4,}/);
    expect(tickets.some((t) => t.messages.filter((m) => m.fromCustomer).length >= 4)).toBe(true);
  });

  it('is varied and grounded in the order data', () => {
    const firsts = tickets.map(firstCustomerText);
    expect(new Set(firsts).size).toBeGreaterThan(tickets.length * 0.95);
    const orders = new Map(store.orders.map((o) => [o.orderNumber, o]));
    let mentionsOrder = 0;
    let mentionsCarrier = 0;
    let orderTickets = 0;
    for (const t of tickets.filter((x) => x.orderNumber !== null)) {
      orderTickets++;
      const text = t.messages.map((m) => m.body).join('\n');
      if (text.includes((t.orderNumber ?? '').slice(1))) mentionsOrder++;
      const carrier = orders.get(t.orderNumber ?? '')?.fulfillment?.carrier;
      if (carrier && t.intentHint === 'order_status' && text.includes(carrier)) mentionsCarrier++;
    }
    expect(mentionsOrder / orderTickets).toBeGreaterThan(0.8);
    expect(mentionsCarrier).toBeGreaterThan(20);
    // Order-status tickets point at parcels that really are late, stuck or in trouble.
    for (const t of tickets.filter((x) => x.scenario === 'order_status/stalled')) {
      const f = orders.get(t.orderNumber ?? '')?.fulfillment;
      expect(f?.deliveredAt === null || (f?.deliveredAt?.getTime() ?? 0) > t.createdAt.getTime()).toBe(true);
    }
    for (const t of tickets.filter((x) => x.scenario === 'order_status/delivered_not_received')) {
      expect(orders.get(t.orderNumber ?? '')?.fulfillment?.deliveredAt?.getTime()).toBeLessThan(t.createdAt.getTime());
    }
  });

  it('has conversations of several turns, internal notes and follow-ups', () => {
    expect(tickets.some((t) => t.messages.length >= 5)).toBe(true);
    expect(tickets.filter((t) => t.messages.some((m) => m.isInternal)).length).toBeGreaterThan(50);
    expect(tickets.filter((t) => t.tags.includes('repeat-contact')).length).toBeGreaterThan(10);
    for (const t of tickets.filter((x) => x.status === 'pending')) {
      const last = t.messages[t.messages.length - 1];
      expect(last?.fromCustomer).toBe(false);
      expect(last?.isInternal).toBe(false);
    }
    for (const t of tickets.filter((x) => x.status === 'open' && x.assignedAgentId === null)) {
      expect(t.messages.every((m) => m.fromCustomer)).toBe(true);
      expect(t.firstResponseAt).toBeNull();
    }
  });
});
