import type { ScoringWeights } from '@quimbi/scoring';
import { maxDynamicScore } from '@quimbi/scoring';

/**
 * Builds the inbox SQL. The stored part of the score lives on the ticket (indexed); the
 * clock-dependent parts (wait, SLA risk) and topic-alert matches are computed here, in SQL,
 * with the same weights as the scoring library.
 *
 * To avoid scoring every open ticket, a first query takes the K = offset + limit best tickets
 * by stored score; the K-th best final score among them is a lower bound of the true K-th best,
 * and no ticket whose stored score is more than the largest possible dynamic part below that
 * bound can reach the page. The second query scores and sorts only the tickets above it.
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

export function finalScoreExpr(w: ScoringWeights, isMatch = matchExpr()): string {
  const wait = `LEAST(${num(w.waitCap)}, ${num(w.waitWeight)} * log(1 + GREATEST(0, extract(epoch FROM (ctx.now - t.created_at))::float8 / 3600.0)))`;
  const sla = `(CASE ${slaRiskExpr()} WHEN 2 THEN ${num(w.slaBreachBoost)} WHEN 1 THEN ${num(w.slaWarningBoost)} ELSE 0 END)`;
  const alert = `(CASE WHEN ${isMatch} THEN ${num(w.topicAlertBoost)} ELSE 0 END)`;
  return `(t.smart_score::float8 + ${wait} + ${sla} + ${alert})`;
}

const FROM = `tickets t
  LEFT JOIN sla_tracking s ON s.ticket_id = t.id`;

/**
 * Step one: the lower bound of stored scores that can still reach the page. It takes the
 * K = offset + limit best tickets by stored score (an index scan), and subtracts the largest
 * possible dynamic part from the K-th best final score among them.
 */
export function buildInboxBoundQuery(
  f: InboxFilter,
  page: { limit: number; offset: number },
  w: ScoringWeights,
): BuiltQuery {
  const p = new Params();
  const ctx = `SELECT ${p.add(f.now.toISOString())}::timestamptz AS now, ${alertQuery(f.alertTerms, p)} AS q`;
  const where = whereClause(f, p);
  const k = p.add(page.offset + page.limit);
  // Tickets matching an alert are always candidates (found through the full-text index), so
  // the bound only needs to allow for the wait and SLA terms.
  const maxDyn = num(maxDynamicScore(w, false));
  const sql = `
    WITH ctx AS MATERIALIZED (${ctx})
    SELECT (COALESCE(min(final), 0) - ${maxDyn} - 0.01)::float8 AS bound FROM (
      SELECT ${finalScoreExpr(w)} AS final
      FROM ${FROM} CROSS JOIN ctx
      WHERE ${where}
      ORDER BY t.smart_score DESC
      LIMIT ${k}
    ) head`;
  return { sql, params: p.values };
}

/**
 * Step two: score only the tickets whose stored score is at or above the bound (passed as a
 * value, so the planner sees how selective it is and uses the index), and sort them.
 */
export function buildInboxPageQuery(
  f: InboxFilter,
  page: { limit: number; offset: number },
  w: ScoringWeights,
  bound: number,
): BuiltQuery {
  const p = new Params();
  const alerts = f.alertTerms.length > 0;
  const ctx = `SELECT ${p.add(f.now.toISOString())}::timestamptz AS now, ${alertQuery(f.alertTerms, p)} AS q`;
  const where = whereClause(f, p);
  const boundParam = p.add(Math.floor(bound * 100) / 100);
  // A ticket matching an alert gets the boost on top, so it can sit that much lower.
  const alertBoundParam = alerts ? p.add(Math.floor((bound - Math.max(0, w.topicAlertBoost)) * 100) / 100) : '';
  // Alert matches come from the full-text index once, then join by id: no tsvector is read
  // row by row. Only the page's rows are joined to customers.
  const matched = alerts
    ? `matched AS MATERIALIZED (SELECT t.id FROM tickets t CROSS JOIN ctx
         WHERE ${where} AND t.search_vector @@ ctx.q AND t.smart_score >= ${alertBoundParam}::numeric),`
    : '';
  const matchedJoin = alerts ? 'LEFT JOIN matched m ON m.id = t.id' : '';
  const isMatch = alerts ? '(m.id IS NOT NULL)' : 'false';
  const final = finalScoreExpr(w, isMatch);
  const sql = `
    WITH ctx AS MATERIALIZED (${ctx}),
    ${matched}
    cand_ids AS (
      SELECT t.id FROM tickets t WHERE ${where} AND t.smart_score >= ${boundParam}::numeric
      ${alerts ? 'UNION SELECT id FROM matched' : ''}
    ),
    cand AS (
      SELECT t.id, round(${final}::numeric, 2)::float8 AS final_score, ${isMatch} AS matched,
             ${slaRiskExpr()} AS sla_risk, t.created_at
      FROM cand_ids ci
        JOIN tickets t ON t.id = ci.id
        LEFT JOIN sla_tracking s ON s.ticket_id = t.id
        CROSS JOIN ctx ${matchedJoin}
      ORDER BY final_score DESC, t.created_at ASC, t.id ASC
      LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}
    )
    SELECT t.id, t.number, t.subject, t.status, t.priority, t.channel, t.customer_id,
           t.assigned_agent_id, t.detected_intent, t.customer_sentiment, t.created_at, t.updated_at,
           t.smart_score, t.version,
           c.name AS customer_name, c.lifetime_value, c.churn_risk, c.is_vip,
           s.first_response_deadline, s.resolution_deadline, s.first_response_at, s.resolved_at,
           s.is_paused, cand.sla_risk, cand.final_score, cand.matched
    FROM cand
      JOIN tickets t ON t.id = cand.id
      JOIN customers c ON c.id = t.customer_id
      LEFT JOIN sla_tracking s ON s.ticket_id = t.id
    ORDER BY cand.final_score DESC, cand.created_at ASC, cand.id ASC`;
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
