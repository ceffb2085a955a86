/** Job counts of one queue, by state. */
export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
}

export interface QueueScheduler {
  name: string;
  every_ms: number | null;
  cron: string | null;
  next_run_at: string | null;
}

/** One job run (`recent_failures`, `last_run`, and the answer of running a job). */
export interface JobRun {
  name: string;
  id: string;
  state: string;
  started_at?: string | null;
  finished_at?: string | null;
  duration_ms?: number | null;
  /** camelCase spellings of the three above, as some versions send them. */
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  result?: unknown;
  error?: string | null;
  attempts?: number;
}

/** One queue of `GET /api/ops/queues`. */
export interface OpsQueue {
  name: string;
  backend: string;
  counts: QueueCounts;
  schedulers: QueueScheduler[];
  last_run: JobRun | null;
  recent_failures: JobRun[];
}

/** `GET /api/ops/queues`: a bare list or `{ queues: [...] }`. */
export type OpsQueuesResponse = OpsQueue[] | { queues: OpsQueue[] };

/** `POST /api/ops/queues/:queue/retry` answer (the count, when given). */
export interface RetryResponse {
  retried?: number;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One outbound webhook call (an SLA warning or breach sent to another system). */
export interface WebhookDelivery {
  id: string;
  event_type: string;
  ticket_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  max_attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** `GET /api/ops/webhooks`: where deliveries go, counts by status, and the latest deliveries. */
export interface WebhooksOverview {
  configured: boolean;
  url: string | null;
  counts: Record<WebhookDeliveryStatus, number>;
  deliveries: WebhookDelivery[];
}
