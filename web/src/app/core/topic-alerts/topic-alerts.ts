/** Limits the support API enforces on topic alerts (list and per-agent storage alike). */
export const MAX_TOPIC_ALERTS = 20;
export const MAX_TOPIC_ALERT_LENGTH = 100;

/** `GET|PATCH /api/agents/me/topic-alerts`. */
export interface TopicAlertsResponse {
  topic_alerts: string[];
}

/** Trims a term and collapses inner whitespace, as the API does. */
export function normalizeTopicAlert(term: string): string {
  return term.trim().replace(/\s+/g, ' ');
}

/** Distinct (case-insensitively), non-empty, normalised terms in their original order. */
export function distinctTopicAlerts(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = normalizeTopicAlert(raw);
    const key = term.toLowerCase();
    if (term && !seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}

export function sameTopicAlerts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}
