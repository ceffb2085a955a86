/**
 * Vocabulary shared by both APIs and the console. Each list is a readonly tuple so it can
 * drive validation (`@IsIn(TICKET_STATUSES)`) and a union type at once.
 */

export const ROLES = ['agent', 'senior_agent', 'team_lead', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TICKET_STATUSES = ['open', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['email', 'sms', 'chat', 'phone', 'form'] as const;
export type Channel = (typeof CHANNELS)[number];

export const AGENT_STATUSES = ['online', 'away', 'busy', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Helpdesk categories the text classifier assigns to customer messages. */
export const INTENTS = [
  'order_status',
  'refund',
  'return',
  'cancellation',
  'damaged_or_wrong_item',
  'payment',
  'chargeback_or_fraud',
  'shipping_address_change',
  'account',
  'product_question',
  'complaint',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const TONES = ['professional', 'friendly', 'empathetic', 'apologetic', 'concise'] as const;
export type Tone = (typeof TONES)[number];

export const DRAFT_LENGTHS = ['short', 'medium', 'long'] as const;
export type DraftLength = (typeof DRAFT_LENGTHS)[number];

export const CHURN_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type ChurnRiskLevel = (typeof CHURN_RISK_LEVELS)[number];
