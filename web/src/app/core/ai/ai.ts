import type { ChurnRiskLevel, DraftLength, Tone } from '@quimbi/contracts';

/**
 * Shapes of the support API's `/api/ai/*` endpoints that `@quimbi/contracts` does not carry.
 * Each interface is named after the JSON it describes and keeps its snake_case keys.
 */

/** Who wrote a draft: the model, the built-in writer, or the local holding reply. */
export type DraftWriter = 'anthropic' | 'built_in' | 'fallback';

/** `GET /api/ai/tickets/:id/draft-response` and `POST /api/ai/tickets/:id/regenerate-draft`. */
export interface DraftResponse {
  ticket_id: string;
  draft_content: string;
  tone: Tone | string;
  length: DraftLength | string | null;
  channel: string;
  writer: DraftWriter | string;
  reasoning: string | null;
  personalization: Record<string, boolean>;
  personalization_applied: string[];
  order_referenced: string | null;
  customer_dna: CustomerArchetype | null;
  churn_risk: number | null;
  /** The intelligence service was not answering: a neutral holding reply. */
  fallback: boolean;
  cached?: boolean;
}

/** Body of `POST /api/ai/tickets/:id/regenerate-draft` (and the draft query). */
export interface DraftOptions {
  tone: Tone;
  length: DraftLength;
}

/** One suggested next step of `GET /api/ai/tickets/:id/recommendation`. */
export interface RecommendedAction {
  action: string;
  /** 1 is the most important. */
  priority: number;
  reasoning: string;
  estimated_impact: { retention_probability: number; revenue_at_risk: number };
}

/** `GET /api/ai/tickets/:id/recommendation`. */
export interface TicketRecommendation {
  ticket_id?: string;
  actions: RecommendedAction[];
  warnings: string[];
  talking_points: string[];
  fallback: boolean;
}

export interface CustomerArchetype {
  id: string;
  name?: string;
  segments: Record<string, string>;
}

export interface CustomerSegmentMembership {
  axis: string;
  segment: string;
  /** 0 … 1. */
  membership: number;
}

export interface OrderFulfillment {
  carrier: string | null;
  tracking_number: string | null;
  tracking_status: string | null;
  status_detail: string | null;
  estimated_delivery: string | null;
  delivered_at: string | null;
  last_event_at: string | null;
}

/** One of `recent_orders` of the customer intelligence. */
export interface RecentOrder {
  order_number: string;
  placed_at: string;
  total: number;
  currency: string;
  financial_status: string | null;
  fulfillment_status: string | null;
  fulfillment: OrderFulfillment | null;
}

/** `GET /api/ai/customers/:customerId/intelligence`. */
export interface CustomerIntelligenceResponse {
  customer_id: string;
  archetype: CustomerArchetype | null;
  behavioral_metrics: {
    lifetime_value: number;
    total_orders: number;
    average_order_value?: number;
    days_since_last_order?: number;
  };
  predictions: {
    /** 0 … 1. */
    churn_risk: number;
    churn_risk_level: ChurnRiskLevel;
    p_alive?: number;
    predicted_ltv?: { value: number; horizon: number; time_unit: string };
  };
  segments?: CustomerSegmentMembership[];
  communication_guidance: string[];
  recent_orders?: RecentOrder[];
  /** When the intelligence service is down: the last known figures only. */
  figures_as_of?: string | null;
  fallback: boolean;
}
