import type {
  AgentProfile,
  LoginResponse,
  ScoreBreakdown,
  TicketListItem,
  TicketListResponse,
} from '@quimbi/contracts';

import type {
  CustomerIntelligenceResponse,
  DraftResponse,
  TicketRecommendation,
} from '../core/ai/ai';
import type { AgentNotification } from '../core/notifications/notification';
import type {
  SlaClock,
  SlaTicketSummary,
  TicketDetail,
  TicketHistory,
  TicketMessage,
} from '../core/tickets/ticket-detail';
import type { WebhookDelivery, WebhooksOverview } from '../pages/admin/ops/ops';
import type { SlaCalendar } from '../pages/admin/sla/sla-settings';

export function agentFixture(overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    id: 'agent-1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'agent',
    status: 'online',
    is_active: true,
    must_change_password: false,
    team_id: null,
    department: null,
    specializations: [],
    max_concurrent_tickets: 10,
    last_login_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    permissions: ['self', 'tickets:read-own', 'tickets:work', 'tickets:claim', 'ai:use'],
    ...overrides,
  };
}

export function loginResponseFixture(overrides: Partial<LoginResponse> = {}): LoginResponse {
  return {
    access_token: 'token-abc',
    token_type: 'bearer',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    agent: agentFixture(),
    ...overrides,
  };
}

export function ticketFixture(overrides: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id: 't-1',
    number: 1001,
    subject: 'Where is my order?',
    status: 'open',
    priority: 'high',
    channel: 'email',
    smart_score: 42.5,
    matches_topic_alert: false,
    customer_id: 'c-1',
    customer_name: 'Grace Hopper',
    customer_ltv: 1200,
    customer_churn_risk: 0.4,
    is_vip: false,
    assigned_agent_id: null,
    detected_intent: 'order_status',
    sentiment: 0.2,
    sla: null,
    created_at: new Date(Date.now() - 2 * 3600_000).toISOString(),
    updated_at: new Date().toISOString(),
    ...overrides,
  };
}

export function ticketListFixture(
  tickets: TicketListItem[],
  overrides: Partial<TicketListResponse> = {},
): TicketListResponse {
  return {
    tickets,
    pagination: {
      page: 1,
      limit: 50,
      total: tickets.length,
      has_next: false,
      has_prev: false,
    },
    topic_alerts_active: [],
    matches: 0,
    ...overrides,
  };
}

export function scoreBreakdownFixture(overrides: Partial<ScoreBreakdown> = {}): ScoreBreakdown {
  return {
    total_score: 16.6,
    components: {
      churn_risk: 2.4,
      customer_value: 7,
      urgency: 6,
      age: 0.72,
      difficulty: -1.5,
      sentiment: 2,
      sla: 0,
      topic_alert: 0,
    },
    customer: { ltv: 3500, churn_risk: 0.8 },
    ticket: { priority: 'urgent', age_hours: 2 },
    weights: { churn_weight: 3, value_weight: 2, urgency_weight: 1.5, topic_alert_boost: 5 },
    ...overrides,
  };
}

export function slaClockFixture(overrides: Partial<SlaClock> = {}): SlaClock {
  const now = Date.now();
  return {
    status: 'pending',
    target_seconds: 3600,
    deadline: new Date(now + 1800_000).toISOString(),
    warning_at: new Date(now + 1200_000).toISOString(),
    elapsed_seconds: 1800,
    remaining_seconds: 1800,
    percent_used: 50,
    paused: false,
    completed_at: null,
    warned_at: null,
    breached_at: null,
    ...overrides,
  };
}

export function slaSummaryFixture(overrides: Partial<SlaTicketSummary> = {}): SlaTicketSummary {
  return {
    ticket_id: 't-1',
    priority: 'high',
    mode: 'wall-clock',
    is_paused: false,
    paused_at: null,
    total_paused_seconds: 0,
    first_response: slaClockFixture(),
    resolution: slaClockFixture({
      target_seconds: 28800,
      deadline: new Date(Date.now() + 6 * 3600_000).toISOString(),
      warning_at: new Date(Date.now() + 5 * 3600_000).toISOString(),
      remaining_seconds: 6 * 3600,
      percent_used: 25,
    }),
    policy: {
      id: 'p-high',
      priority: 'high',
      first_response_target_seconds: 3600,
      resolution_target_seconds: 28800,
      warning_threshold_percent: 80,
      business_hours_only: false,
      calendar_id: null,
      calendar: null,
      escalate_priority_on_breach: false,
      updated_at: null,
    },
    pauses: [],
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<TicketMessage> = {}): TicketMessage {
  return {
    id: 'm-1',
    ticket_id: 't-1',
    from_agent: false,
    author_agent_id: null,
    is_internal: false,
    content: 'Where is my order?',
    from_name: 'Grace Hopper',
    from_email: 'grace@example.com',
    created_at: new Date(Date.now() - 3600_000).toISOString(),
    sentiment_score: 0.2,
    detected_intent: 'order_status',
    ...overrides,
  };
}

export function ticketDetailFixture(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ticket: {
      id: 't-1',
      number: 1001,
      subject: 'Where is my order?',
      status: 'open',
      priority: 'high',
      channel: 'email',
      customer_id: 'c-1',
      assigned_agent_id: null,
      team_id: null,
      version: 3,
      detected_intent: 'order_status',
      sentiment: 0.2,
      difficulty: 0.4,
      created_at: new Date(Date.now() - 2 * 3600_000).toISOString(),
      updated_at: new Date().toISOString(),
      first_response_at: null,
      resolved_at: null,
    },
    customer: {
      id: 'c-1',
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: null,
      lifetime_value: 3500,
      churn_risk: 0.8,
      is_vip: true,
      total_orders: 12,
    },
    messages: [messageFixture()],
    assignment: null,
    sla: slaSummaryFixture(),
    ...overrides,
  };
}

export function historyFixture(overrides: Partial<TicketHistory> = {}): TicketHistory {
  return {
    ticket_id: 't-1',
    entries: [
      {
        id: 'h-1',
        at: new Date(Date.now() - 2 * 3600_000).toISOString(),
        actor_agent_id: null,
        action: 'ticket.created',
        before: null,
        after: { status: 'open', priority: 'high', subject: 'Where is my order?', version: 1 },
      },
    ],
    assignments: [],
    ...overrides,
  };
}

export function draftFixture(overrides: Partial<DraftResponse> = {}): DraftResponse {
  return {
    ticket_id: 't-1',
    draft_content: 'Hi Grace,\n\nYour order #1234 left our warehouse today.',
    tone: 'professional',
    length: 'medium',
    channel: 'email',
    writer: 'built_in',
    reasoning: 'The customer asked where the order is; tracking shows it shipped.',
    personalization: { used_name: true, referenced_order: true },
    personalization_applied: ['used_name', 'referenced_order'],
    order_referenced: '#1234',
    customer_dna: null,
    churn_risk: 0.8,
    fallback: false,
    cached: false,
    ...overrides,
  };
}

export function recommendationFixture(
  overrides: Partial<TicketRecommendation> = {},
): TicketRecommendation {
  return {
    ticket_id: 't-1',
    actions: [
      {
        action: 'offer_discount',
        priority: 2,
        reasoning: 'High value customer at risk.',
        estimated_impact: { retention_probability: 0.6, revenue_at_risk: 900 },
      },
      {
        action: 'share_tracking',
        priority: 1,
        reasoning: 'The order shipped yesterday.',
        estimated_impact: { retention_probability: 0.8, revenue_at_risk: 300 },
      },
    ],
    warnings: ['Churn risk is high'],
    talking_points: ['Thank them for their patience'],
    fallback: false,
    ...overrides,
  };
}

export function intelligenceFixture(
  overrides: Partial<CustomerIntelligenceResponse> = {},
): CustomerIntelligenceResponse {
  return {
    customer_id: 'c-1',
    archetype: { id: 'loyal_high_value', name: 'Loyal high-value', segments: { value: 'high' } },
    behavioral_metrics: { lifetime_value: 4200, total_orders: 14, days_since_last_order: 12 },
    predictions: {
      churn_risk: 0.72,
      churn_risk_level: 'high',
      predicted_ltv: { value: 1500, horizon: 12, time_unit: 'months' },
    },
    segments: [{ axis: 'value', segment: 'high', membership: 0.9 }],
    communication_guidance: ['Be direct', 'Mention loyalty perks'],
    recent_orders: [
      {
        order_number: '1234',
        placed_at: '2026-01-10T10:00:00.000Z',
        total: 120,
        currency: 'USD',
        financial_status: 'paid',
        fulfillment_status: 'fulfilled',
        fulfillment: {
          carrier: 'UPS',
          tracking_number: '1Z999',
          tracking_status: 'in_transit',
          status_detail: 'Out for delivery',
          estimated_delivery: '2026-01-14T00:00:00.000Z',
          delivered_at: null,
          last_event_at: '2026-01-13T08:00:00.000Z',
        },
      },
    ],
    fallback: false,
    ...overrides,
  };
}

export function slaCalendarFixture(overrides: Partial<SlaCalendar> = {}): SlaCalendar {
  return {
    id: 'cal-1',
    name: 'Berlin office',
    time_zone: 'Europe/Berlin',
    opening_hours: {
      1: [{ start: '09:00', end: '17:00' }],
      2: [{ start: '09:00', end: '17:00' }],
      3: [{ start: '09:00', end: '17:00' }],
      4: [{ start: '09:00', end: '17:00' }],
      5: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '16:00' },
      ],
    },
    holidays: ['2026-12-25', '2026-12-26'],
    used_by_priorities: [],
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function notificationFixture(overrides: Partial<AgentNotification> = {}): AgentNotification {
  return {
    id: 'n-1',
    type: 'sla.breached',
    ticket_id: 't-1',
    title: 'SLA breached: #1001',
    body: 'First response deadline passed on “Where is my order?” (high).',
    data: {
      clock: 'first_response',
      deadline: new Date(Date.now() - 600_000).toISOString(),
      priority: 'high',
      subject: 'Where is my order?',
    },
    created_at: new Date(Date.now() - 300_000).toISOString(),
    read_at: null,
    ...overrides,
  };
}

export function webhookDeliveryFixture(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'wd-1',
    event_type: 'sla.breached',
    ticket_id: 't-1',
    status: 'failed',
    attempts: 5,
    max_attempts: 5,
    last_status_code: 502,
    last_error: 'Bad gateway',
    next_attempt_at: null,
    created_at: '2026-01-01T10:00:00.000Z',
    delivered_at: null,
    ...overrides,
  };
}

export function webhooksOverviewFixture(
  overrides: Partial<WebhooksOverview> = {},
): WebhooksOverview {
  return {
    configured: true,
    url: 'https://hooks.example.com/sla',
    counts: { pending: 1, delivered: 12, failed: 1 },
    deliveries: [
      webhookDeliveryFixture(),
      webhookDeliveryFixture({
        id: 'wd-2',
        event_type: 'sla.warning',
        status: 'pending',
        attempts: 1,
        last_status_code: null,
        last_error: 'connect ECONNREFUSED',
        next_attempt_at: '2026-01-01T10:05:00.000Z',
      }),
      webhookDeliveryFixture({
        id: 'wd-3',
        status: 'delivered',
        attempts: 1,
        ticket_id: null,
        last_status_code: 200,
        last_error: null,
        delivered_at: '2026-01-01T09:00:01.000Z',
      }),
    ],
    ...overrides,
  };
}
