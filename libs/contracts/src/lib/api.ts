import type {
  AgentStatus,
  Channel,
  ChurnRiskLevel,
  Intent,
  Priority,
  Role,
  TicketStatus,
} from './domain';

/** Stable error body returned by every endpoint of both APIs. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[] | Record<string, unknown>;
  request_id?: string;
}

export interface HealthResponse {
  status: 'healthy' | 'degraded' | 'unhealthy';
  version: string;
  services: {
    database: 'connected' | 'unavailable';
    redis_cache: 'connected' | 'in_memory' | 'unavailable';
    quimbi_api: 'connected' | 'unavailable' | 'not_configured';
  };
  features: {
    ai_draft_generation: boolean;
    customer_intelligence: boolean;
    job_queue: 'bullmq' | 'in_process';
    embedded_database: boolean;
  };
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AgentProfile {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: AgentStatus;
  is_active: boolean;
  must_change_password: boolean;
  team_id: string | null;
  department: string | null;
  specializations: string[];
  max_concurrent_tickets: number;
  last_login_at: string | null;
  created_at: string;
  permissions: string[];
}

export interface LoginResponse {
  access_token: string;
  token_type: 'bearer';
  expires_at: string;
  agent: AgentProfile;
}

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  has_next: boolean;
  has_prev: boolean;
}

export interface SlaSummary {
  status: 'pending' | 'warning' | 'breached' | 'met' | 'paused';
  first_response_deadline: string | null;
  resolution_deadline: string | null;
  is_paused: boolean;
}

export interface TicketListItem {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  smart_score: number;
  matches_topic_alert: boolean;
  customer_id: string;
  customer_name: string | null;
  customer_ltv: number;
  customer_churn_risk: number;
  is_vip: boolean;
  assigned_agent_id: string | null;
  detected_intent: Intent | null;
  sentiment: number;
  sla: SlaSummary | null;
  created_at: string;
  updated_at: string;
}

export interface TicketListResponse {
  tickets: TicketListItem[];
  pagination: Pagination;
  topic_alerts_active: string[];
  matches: number;
}

export interface ScoreBreakdown {
  total_score: number;
  components: {
    churn_risk: number;
    customer_value: number;
    urgency: number;
    age: number;
    difficulty: number;
    sentiment: number;
    sla: number;
    topic_alert: number;
  };
  customer: { ltv: number; churn_risk: number };
  ticket: { priority: Priority; age_hours: number };
  weights: {
    churn_weight: number;
    value_weight: number;
    urgency_weight: number;
    topic_alert_boost: number;
  };
}

export interface CustomerIntelligence {
  customer_id: string;
  archetype: { id: string; segments: Record<string, string> } | null;
  behavioral_metrics: { lifetime_value: number; total_orders: number };
  predictions: { churn_risk: number; churn_risk_level: ChurnRiskLevel };
  communication_guidance: string[];
}
