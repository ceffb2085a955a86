import type { AgentStatus, Channel, Priority } from '@quimbi/contracts';

export const CHANNEL_ICONS: Readonly<Record<Channel, string>> = {
  email: 'mail',
  sms: 'sms',
  chat: 'forum',
  phone: 'call',
  form: 'assignment',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  email: 'Email',
  sms: 'SMS',
  chat: 'Chat',
  phone: 'Phone',
  form: 'Web form',
};

export const PRIORITY_ICONS: Readonly<Record<Priority, string>> = {
  urgent: 'priority_high',
  high: 'keyboard_double_arrow_up',
  normal: 'drag_handle',
  low: 'keyboard_arrow_down',
};

export const AGENT_STATUS_LABELS: Readonly<Record<AgentStatus, string>> = {
  online: 'Online',
  away: 'Away',
  busy: 'Busy',
  offline: 'Offline',
};

export type SentimentMood = 'negative' | 'neutral' | 'positive';

/** Customer sentiment is scored 0 (angry) … 1 (delighted), 0.5 being neutral. */
export function sentimentMood(score: number): SentimentMood {
  if (score < 0.3) return 'negative';
  if (score > 0.7) return 'positive';
  return 'neutral';
}

export const SENTIMENT_ICONS: Readonly<Record<SentimentMood, string>> = {
  negative: 'sentiment_dissatisfied',
  neutral: 'sentiment_neutral',
  positive: 'sentiment_satisfied',
};

export type ChurnLevel = 'low' | 'medium' | 'high';

/**
 * Churn risk is the probability of no purchase over the next 26 weeks (0 … 1); the levels match
 * the intelligence API's: low below 0.5 (more likely than not to buy), high from 0.8.
 */
export function churnLevel(risk: number): ChurnLevel {
  if (risk >= 0.8) return 'high';
  if (risk >= 0.5) return 'medium';
  return 'low';
}

/** "Ada Lovelace" → "AL". */
export function initials(name: string | null | undefined): string {
  return (name ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}
