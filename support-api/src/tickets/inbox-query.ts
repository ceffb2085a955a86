import type { ScoringWeights } from '@quimbi/scoring';
import { maxDynamicScore } from '@quimbi/scoring';

/**
 * Builds the inbox SQL. The stored part of the score lives on the ticket (indexed); the
 * clock-dependent parts (wait, SLA risk) and topic-alert matches are computed here, in SQL,
 * with the same weights as the scoring library.
 *
 * To avoid scoring every open ticket, the query first takes the K = offset + limit best tickets
 * by stored score; the K-th best final score among them is a lower bound of the true K-th best,
 * and no ticket whose stored score is more than the largest possible dynamic part below that
 * bound can reach the page. Only the tickets above it are scored and sorted.
 */
export interface InboxFilter {
  status: string;
  channel?: string;
  /** When set, only unassigned tickets and this agent's own are visible. */
  visibleToAgentId?: string;
  alertTerms: string[];
  now: Date;
}

export interface BuiltQuery {
  sql: string;
  params: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Scoring weight is not a finite number: ${n}`);
  return `${n}::float8`;
}

function alertQuery(terms: string[], p: Params): string {
  if (terms.length === 0) return 'NULL::tsquery';
  // Each term becomes a phrase query: whole words, in order, adjacent; parameters keep it literal.
  return terms.map((t) => `phraseto_tsquery('simple', ${p.add(t)})`).join(' || ');
}

function whereClause(f: InboxFilter, p: Params): string {
  const parts = ['t.deleted_at IS NULL', `t.status = ${p.add(f.status)}`];
  if (f.channel) parts.push(`t.channel = ${p.add(f.channel)}`);
  if (f.visibleToAgentId) {
    parts.push(`(t.assigned_agent_id IS NULL OR t.assigned_agent_id = ${p.add(f.visibleToAgentId)})`);
  }
  return parts.join(' AND ');
}

export function matchExpr(): string {
  return 'COALESCE(t.search_vector @@ ctx.q, false)';
}

export function slaRiskExpr(): string {
  return `CASE
    WHEN s.ticket_id IS NULL OR s.is_paused THEN 0
    WHEN (s.first_response_at IS NULL AND s.resolved_at IS NULL AND s.first_response_deadline <= ctx.now)
      OR (s.resolved_at IS NULL AND s.resolution_deadline <= ctx.now) THEN 2
    WHEN (s.first_response_at IS NULL AND s.resolved_at IS NULL AND s.first_response_warning_at <= ctx.now)
      OR (s.resolved_at IS NULL AND s.resolution_warning_at <= ctx.now) THEN 1
    ELSE 0 END`;
}

export function finalScoreExpr(w: ScoringWeights): string {
  const wait = `LEAST(${num(w.waitCap)}, ${num(w.waitWeight)} * log(1 + GREATEST(0, extract(epoch FROM (ctx.now - t.created_at)) / 3600.0)))`;
  const sla = `(CASE ${slaRiskExpr()} WHEN 2 THEN ${num(w.slaBreachBoost)} WHEN 1 THEN ${num(w.slaWarningBoost)} ELSE 0 END)`;
  const alert = `(CASE WHEN ${matchExpr()} THEN ${num(w.topicAlertBoost)} ELSE 0 END)`;
  return `(t.smart_score::float8 + ${wait} + ${sla} + ${alert})`;
}

const FROM = `tickets t
  LEFT JOIN sla_tracking s ON s.ticket_id = t.id`;

export function buildInboxPageQuery(
  f: InboxFilter,
  page: { limit: number; offset: number },
  w: ScoringWeights,
): BuiltQuery {
  const p = new Params();
  const ctx = `SELECT ${p.add(f.now.toISOString())}::timestamptz AS now, ${alertQuery(f.alertTerms, p)} AS q`;
  const where = whereClause(f, p);
  const k = p.add(page.offset + page.limit);
  const maxDyn = num(maxDynamicScore(w, f.alertTerms.length > 0));
  const final = finalScoreExpr(w);
  const sql = `
    WITH ctx AS MATERIALIZED (${ctx}),
    head AS (
      SELECT ${final} AS final
      FROM ${FROM} CROSS JOIN ctx
      WHERE ${where}
      ORDER BY t.smart_score DESC
      LIMIT ${k}
    ),
    bound AS (SELECT COALESCE(min(final), 0) - ${maxDyn} - 0.01 AS b FROM head)
    SELECT t.id, t.number, t.subject, t.status, t.priority, t.channel, t.customer_id,
           t.assigned_agent_id, t.detected_intent, t.customer_sentiment, t.created_at, t.updated_at,
           t.smart_score, t.version,
           c.name AS customer_name, c.lifetime_value, c.churn_risk, c.is_vip,
           s.first_response_deadline, s.resolution_deadline, s.first_response_at, s.resolved_at,
           s.is_paused, ${slaRiskExpr()} AS sla_risk,
           round(${final}::numeric, 2)::float8 AS final_score,
           ${matchExpr()} AS matched
    FROM ${FROM}
      JOIN customers c ON c.id = t.customer_id
      CROSS JOIN ctx CROSS JOIN bound
    WHERE ${where} AND t.smart_score >= bound.b::numeric
    ORDER BY final_score DESC, t.created_at ASC, t.id ASC
    LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`;
  return { sql, params: p.values };
}

export function buildInboxCountQuery(f: InboxFilter): BuiltQuery {
  const p = new Params();
  const where = whereClause(f, p);
  return { sql: `SELECT count(*)::int AS n FROM tickets t WHERE ${where}`, params: p.values };
}

/** Counts matches through the full-text index, never by scanning message bodies. */
export function buildInboxMatchCountQuery(f: InboxFilter): BuiltQuery {
  const p = new Params();
  const q = alertQuery(f.alertTerms, p);
  const where = whereClause(f, p);
  return {
    sql: `SELECT count(*)::int AS n FROM tickets t WHERE ${where} AND t.search_vector @@ (${q})`,
    params: p.values,
  };
}
