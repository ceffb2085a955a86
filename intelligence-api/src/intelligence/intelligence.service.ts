import { Injectable } from '@nestjs/common';

import { NotFoundError } from '@quimbi/server-kit';

import { ModelsService } from '../models/models.service';
import type { StoredSegments } from '../profiles/profile-builder';
import { ProfileCache } from '../profiles/profile-cache';
import { ProfilesService } from '../profiles/profiles.service';
import { AXES, AXIS_SPECS, PROSPECT_ARCHETYPE_ID, type Axis } from '../segments/segment-catalog';
import { chooseArchetype, supportSegment, type SegmentAssignment } from '../segments/segmentation';
import { SegmentsService } from '../segments/segments.service';
import { analyzeResponse, type AnalyzeResponse } from './analyze-response';
import type { AnalyzeContextDto } from './intelligence.dto';
import { IntelligenceRepository, type ProfileView, type RecentOrder } from './intelligence.repository';

export interface CachedCustomer {
  view: ProfileView;
  recentOrders?: RecentOrder[];
  /**
   * The analyze answer built from this entry, while its days_since_last_order holds, and its
   * JSON text once it has been sent (the same bytes `res.json` would produce).
   */
  built?: { days: number | null; body: AnalyzeResponse; json?: string };
}

const MS_PER_DAY = 86_400_000;

const json = (built: NonNullable<CachedCustomer['built']>): string => (built.json ??= JSON.stringify(built.body));

export const RECENT_ORDERS = 5;

/** Analyze reads stored profiles (computed at refit time), through an in-memory cache. */
@Injectable()
export class IntelligenceService {
  constructor(
    private readonly repo: IntelligenceRepository,
    private readonly cache: ProfileCache<CachedCustomer>,
    private readonly profiles: ProfilesService,
    private readonly models: ModelsService,
    private readonly segments: SegmentsService,
  ) {}

  /**
   * The analyze answer as JSON text. A cached customer whose support context is unchanged is
   * answered synchronously, without a query or a promise, and each answer is serialised once,
   * not per request: that is the hot path. The text is `JSON.stringify` of the answer, the bytes
   * `res.json` would send.
   */
  analyzeJson(customerId: string, context?: AnalyzeContextDto): string | Promise<string> {
    const tickets = context?.support_tickets_90d;
    const hit = this.cache.get(customerId);
    if (hit?.recentOrders && (tickets === undefined || tickets === hit.view.context_tickets)) return json(this.respond(hit));
    return this.loadForAnalyze(customerId, tickets).then((entry) => json(this.respond(entry)));
  }

  private async loadForAnalyze(customerId: string, tickets: number | undefined): Promise<CachedCustomer> {
    const found = (await this.load([customerId], true)).get(customerId);
    if (!found) throw new NotFoundError('Customer', customerId);
    if (tickets !== undefined && tickets !== found.view.context_tickets) return this.applySupportContext(found, tickets);
    return found;
  }

  /** Builds the answer once per cached entry; only the day count since the last order can age it. */
  private respond(entry: CachedCustomer): NonNullable<CachedCustomer['built']> {
    const now = Date.now();
    const last = entry.view.last_order_at;
    const days = last ? Math.max(0, Math.floor((now - last.getTime()) / MS_PER_DAY)) : null;
    if (entry.built && entry.built.days === days) return entry.built;
    entry.built = { days, body: analyzeResponse(entry.view, new Date(now), entry.recentOrders ?? []) };
    return entry.built;
  }

  async analyzeBatch(customerIds: readonly string[]): Promise<{ customers: AnalyzeResponse[]; not_found: string[] }> {
    const ids = [...new Set(customerIds)];
    const found = await this.load(ids, false);
    const now = new Date();
    return {
      customers: ids.filter((id) => found.has(id)).map((id) => analyzeResponse((found.get(id) as CachedCustomer).view, now)),
      not_found: ids.filter((id) => !found.has(id)),
    };
  }

  async customerSegments(customerId: string) {
    const entry = (await this.load([customerId], false)).get(customerId);
    if (!entry) throw new NotFoundError('Customer', customerId);
    const { view } = entry;
    const response = analyzeResponse(view, new Date());
    return {
      customer_id: view.customer_id,
      archetype: response.archetype,
      segments: AXES.filter((a) => view.segments[a]).map((axis) => {
        const s = view.segments[axis] as { segment: string; membership: number; value: number | null };
        const spec = AXIS_SPECS[axis];
        return {
          axis,
          axis_label: spec.label,
          segment: s.segment,
          segment_label: spec.segments.find((x) => x.id === s.segment)?.label ?? s.segment,
          membership: s.membership,
          value: s.value,
          metric: spec.metric,
        };
      }),
      observation_end: view.window_end,
      computed_at: view.computed_at?.toISOString() ?? null,
    };
  }

  /**
   * Cached entries, else one query for the profiles (plus one for recent orders when asked). A
   * customer without a stored profile yet (orders arrived before any refit) is scored on the spot.
   */
  private async load(ids: readonly string[], withOrders: boolean): Promise<Map<string, CachedCustomer>> {
    const out = new Map<string, CachedCustomer>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (hit && (!withOrders || hit.recentOrders)) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const generation = this.cache.snapshot();
    const [views, orders] = await Promise.all([
      this.repo.profileViews(missing),
      withOrders && missing.length === 1 ? this.repo.recentOrders(missing[0] as string, RECENT_ORDERS) : null,
    ]);
    let all = views;
    const unscored = views.filter((v) => !v.has_profile).map((v) => v.customer_id);
    if (unscored.length > 0) {
      const serving = await this.models.servingModels();
      await this.profiles.rescoreCustomers(unscored, serving.models, serving.windowEnd);
      const rescored = new Map((await this.repo.profileViews(unscored)).map((v) => [v.customer_id, v]));
      all = views.map((v) => rescored.get(v.customer_id) ?? v);
    }
    for (const view of all) {
      const entry: CachedCustomer = withOrders
        ? { view, recentOrders: orders ?? (await this.repo.recentOrders(view.customer_id, RECENT_ORDERS)) }
        : { view };
      this.cache.set(view.customer_id, entry, unscored.length > 0 ? this.cache.snapshot() : generation);
      out.set(view.customer_id, entry);
    }
    return out;
  }

  /** Re-segments the customer with the ticket count the caller passed, and keeps it for next time. */
  private async applySupportContext(entry: CachedCustomer, tickets: number): Promise<CachedCustomer> {
    const { view } = entry;
    const state = await this.segments.current();
    const support = supportSegment(tickets, state.cuts);
    const segments: StoredSegments = {
      ...view.segments,
      support_contact_rate: { segment: support.segment, membership: support.membership, value: support.value },
    };
    const assignments: SegmentAssignment[] = (Object.keys(segments) as Axis[]).map((axis) => ({
      axis,
      ...(segments[axis] as { segment: string; membership: number; value: number | null }),
    }));
    const archetypeId =
      view.total_orders > 0 ? chooseArchetype(assignments, state.shares).id : (view.archetype_id ?? PROSPECT_ARCHETYPE_ID);
    await this.repo.updateSupportContext(
      view.customer_id,
      tickets,
      view.has_profile ? segments : null,
      view.has_profile ? archetypeId : null,
    );
    const updated: CachedCustomer = {
      recentOrders: entry.recentOrders,
      view: {
        ...view,
        context_tickets: tickets,
        segments: view.has_profile ? segments : view.segments,
        archetype_id: view.has_profile ? archetypeId : view.archetype_id,
        behavior: { ...view.behavior, support_tickets_90d: tickets },
      },
    };
    this.cache.invalidate([view.customer_id]);
    this.cache.set(view.customer_id, updated, this.cache.snapshot());
    return updated;
  }
}
