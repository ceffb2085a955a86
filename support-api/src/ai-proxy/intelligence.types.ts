/** What the intelligence API answers (the parts support-api reads). */
export interface AnalyzeResult {
  customer_id: string;
  archetype: { id: string; name?: string; segments: Record<string, string> } | null;
  behavioral_metrics: { lifetime_value: number; total_orders: number; [k: string]: unknown };
  predictions: {
    churn_risk: number;
    churn_risk_level: 'low' | 'medium' | 'high';
    p_alive?: number;
    predicted_ltv?: { value: number; horizon: number; time_unit: string; discount_rate?: number };
    [k: string]: unknown;
  };
  segments?: { axis: string; segment: string; membership: number }[];
  communication_guidance: string[];
  recent_orders?: unknown[];
}

export interface DraftResult {
  draft_content: string;
  channel: string;
  tone: string;
  length?: string;
  writer: string;
  reasoning?: string;
  personalization?: Record<string, boolean>;
  personalization_applied?: string[];
  order_referenced?: string | null;
  checks?: Record<string, unknown>;
}

export interface ActionsResult {
  actions: {
    action: string;
    priority: number;
    reasoning: string;
    estimated_impact: { retention_probability: number; revenue_at_risk: number };
  }[];
  warnings: string[];
  talking_points: string[];
}
