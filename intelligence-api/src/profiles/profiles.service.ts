import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { buildRfmSummary, type RfmSummary } from '@quimbi/customer-models';

import { SegmentsService } from '../segments/segments.service';
import type { CutsResult } from '../segments/segmentation';
import { buildProfiles } from './profile-builder';
import { ProfileCache } from './profile-cache';
import { CustomerScorer, type RfmPoint, type ScoringModels } from './profile-scoring';
import { ProfilesRepository } from './profiles.repository';

export interface RescoreResult {
  profiles: number;
  /** Profiles with model predictions (customers with orders, when a count model serves). */
  modelScored: number;
  cuts: CutsResult | null;
  ms: number;
}

function rfmPoints(summary: RfmSummary | null): Map<string, RfmPoint> {
  return new Map((summary?.customers ?? []).map((c) => [c.customerId, { x: c.x, tx: c.tx, T: c.T, zbar: c.zbar }]));
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Computes and stores customer profiles: predictions, behaviour, segments and archetype. */
@Injectable()
export class ProfilesService {
  private readonly logger = new Logger('Profiles');
  private archetypesStored = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ProfilesRepository,
    private readonly segments: SegmentsService,
    private readonly cache: ProfileCache,
  ) {}

  /**
   * Rescores every customer as of `windowEnd` inside the refit transaction; segment cuts and
   * shares are recomputed from the whole population and stored with the definitions.
   */
  async rescoreAll(m: EntityManager, models: ScoringModels, windowEnd: string, summary: RfmSummary | null): Promise<RescoreResult> {
    const started = performance.now();
    const facts = await this.repo.facts(m, windowEnd);
    const built = await buildProfiles(facts, rfmPoints(summary), new CustomerScorer(models), { windowEnd });
    await this.segments.ensureArchetypes(m);
    this.archetypesStored = true;
    await this.repo.upsertProfiles(m, built.rows);
    if (built.cuts) await this.segments.saveAxes(m, built.cuts, built.shares);
    await this.segments.pruneArchetypes(m);
    return { profiles: built.rows.length, modelScored: built.modelScored, cuts: built.cuts, ms: performance.now() - started };
  }

  /**
   * Rescores a few customers (after new orders) with the serving fits and the stored cuts. The
   * window ends at the serving fit's window end, or later if these customers bought since.
   */
  async rescoreCustomers(customerIds: readonly string[], models: ScoringModels, modelWindowEnd: string | null): Promise<number> {
    if (customerIds.length === 0) return 0;
    const ids = [...new Set(customerIds)];
    const lastDay = await this.repo.lastPurchaseDay(this.db, ids);
    const candidates = [modelWindowEnd, lastDay].filter((d): d is string => d !== null);
    const windowEnd = candidates.length ? candidates.sort().at(-1) as string : todayUtc();
    const state = await this.segments.current();
    const [facts, transactions] = await Promise.all([
      this.repo.facts(this.db, windowEnd, ids),
      this.repo.dailyTransactions(this.db, windowEnd, ids),
    ]);
    const summary = transactions.length
      ? buildRfmSummary(transactions, { calibrationEnd: windowEnd, timeUnit: 'week' })
      : null;
    const built = await buildProfiles(facts, rfmPoints(summary), new CustomerScorer(models), {
      windowEnd,
      cuts: state.cuts,
      shares: state.shares,
    });
    if (!this.archetypesStored) {
      await this.segments.ensureArchetypes(this.db);
      this.archetypesStored = true;
    }
    await this.repo.upsertProfiles(this.db, built.rows);
    this.cache.invalidate(ids);
    this.logger.debug(`Rescored ${ids.length} customer(s) as of ${windowEnd}`);
    return built.rows.length;
  }
}
