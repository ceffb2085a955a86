/** Queue and job names crossing process boundaries (API ↔ worker), with their payload types. */
export const QueueName = {
  Sla: 'sla',
  Scoring: 'scoring',
  Intelligence: 'intelligence',
  Webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Find tickets past their SLA warning point or deadline and record each once. */
  SlaCheck: 'sla:check',
  /** Recompute the stored part of one ticket's smart score. */
  TicketRescore: 'ticket:rescore',
  /** Refresh churn/LTV figures from the intelligence API for customers with open tickets. */
  CustomerFiguresRefresh: 'customers:refresh-figures',
  /** Give waiting tickets of auto-assigning teams to online agents with spare capacity. */
  TeamsAutoAssign: 'teams:auto-assign',
  /** Send due outbound webhook deliveries (SLA warnings and breaches), retrying with backoff. */
  WebhooksDeliver: 'webhooks:deliver',
  /** Refit the customer models (intelligence API). */
  ModelsRefit: 'models:refit',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.SlaCheck]: { requestedBy?: string };
  [JobName.TicketRescore]: { ticketId: string; reason: 'ticket_changed' | 'message' | 'figures' };
  [JobName.CustomerFiguresRefresh]: { customerIds?: string[] };
  [JobName.TeamsAutoAssign]: { teamId?: string };
  [JobName.WebhooksDeliver]: Record<string, never>;
  [JobName.ModelsRefit]: { observationEnd?: string; requestedBy?: string };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SlaCheck]: QueueName.Sla,
  [JobName.TicketRescore]: QueueName.Scoring,
  [JobName.CustomerFiguresRefresh]: QueueName.Scoring,
  [JobName.TeamsAutoAssign]: QueueName.Scoring,
  [JobName.WebhooksDeliver]: QueueName.Webhooks,
  [JobName.ModelsRefit]: QueueName.Intelligence,
};
