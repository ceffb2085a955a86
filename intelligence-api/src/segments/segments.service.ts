import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { NotFoundError } from '@quimbi/server-kit';

import { AXES, AXIS_SPECS, type Axis } from './segment-catalog';
import {
  allArchetypeDefinitions,
  archetypeDefinitionById,
  defaultCuts,
  segmentRanges,
  type AxisCuts,
  type CutsResult,
  type SegmentShares,
} from './segmentation';
import { SegmentsRepository, type AxisDefinitionRow } from './segments.repository';

type Queryable = DataSource | EntityManager;

export interface SegmentationState {
  cuts: AxisCuts;
  shares: SegmentShares;
}

const STATE_TTL_MS = 60_000;

/** Segment and archetype definitions: stored at refit time, read by rescoring and the API. */
@Injectable()
export class SegmentsService {
  private state: { value: SegmentationState; expires: number } | null = null;

  constructor(private readonly repo: SegmentsRepository) {}

  /** Stores every archetype definition (idempotent; unchanged rows are not rewritten). */
  async ensureArchetypes(q: Queryable): Promise<void> {
    await this.repo.upsertArchetypes(q, allArchetypeDefinitions());
  }

  /** Drops stored archetypes the catalogue no longer defines (once no profile uses them). */
  async pruneArchetypes(q: Queryable): Promise<void> {
    await this.repo.pruneArchetypes(
      q,
      allArchetypeDefinitions().map((a) => a.id),
    );
  }

  /** Stores each axis with its current cuts and population shares. */
  async saveAxes(q: Queryable, cuts: CutsResult, shares: SegmentShares): Promise<void> {
    await this.repo.upsertAxes(
      q,
      AXES.map((axis) => {
        const spec = AXIS_SPECS[axis];
        const ranges = segmentRanges(axis, cuts.cuts[axis]);
        return {
          axis,
          label: spec.label,
          description: spec.description,
          segments: spec.segments.map((s) => {
            const range = ranges.find((r) => r.id === s.id);
            return {
              id: s.id,
              label: s.label,
              description: s.description,
              min: range?.min ?? null,
              max: range?.max ?? null,
              share: shares[axis]?.[s.id] ?? null,
              guidance: s.guidance,
            };
          }),
          thresholds: {
            metric: spec.metric,
            unit: spec.unit,
            source: cuts.source[axis],
            cuts: cuts.cuts[axis],
            population: cuts.population,
            rules: spec.rules ?? [],
          },
        };
      }),
    );
    this.state = { value: { cuts: cuts.cuts, shares }, expires: Date.now() + STATE_TTL_MS };
  }

  invalidate(): void {
    this.state = null;
  }

  /** Cuts and shares of the last refit (catalogue defaults before the first one). */
  async current(q?: Queryable): Promise<SegmentationState> {
    if (this.state && this.state.expires > Date.now()) return this.state.value;
    const rows = await this.repo.axes(q);
    const cuts = defaultCuts();
    const shares: SegmentShares = {};
    for (const row of rows) {
      if (!(AXES as readonly string[]).includes(row.axis)) continue;
      const axis = row.axis as Axis;
      if (Array.isArray(row.thresholds?.cuts) && row.thresholds.cuts.length === cuts[axis].length) {
        cuts[axis] = row.thresholds.cuts.map(Number);
      }
      shares[axis] = Object.fromEntries(
        row.segments.filter((s) => typeof s.share === 'number').map((s) => [s.id, s.share as number]),
      );
    }
    const value = { cuts, shares };
    this.state = { value, expires: Date.now() + STATE_TTL_MS };
    return value;
  }

  async definitions() {
    const rows = await this.repo.axes();
    const byAxis = new Map(rows.map((r) => [r.axis, r]));
    return {
      axes: AXES.map((axis) => {
        const row: AxisDefinitionRow | undefined = byAxis.get(axis);
        const spec = AXIS_SPECS[axis];
        const ranges = segmentRanges(axis, row?.thresholds.cuts ?? spec.defaultCuts);
        return {
          axis,
          label: spec.label,
          description: spec.description,
          metric: spec.metric,
          unit: spec.unit,
          threshold_source: row?.thresholds.source ?? (spec.thresholdSource === 'quantile' ? 'default' : 'fixed'),
          cuts: row?.thresholds.cuts ?? spec.defaultCuts,
          rules: spec.rules ?? [],
          segments:
            row?.segments ??
            spec.segments.map((s) => {
              const range = ranges.find((r) => r.id === s.id);
              return { ...s, min: range?.min ?? null, max: range?.max ?? null, share: null };
            }),
          updated_at: row ? row.updated_at.toISOString() : null,
        };
      }),
    };
  }

  async archetype(id: string) {
    const row = await this.repo.archetype(id);
    if (row) {
      return {
        id: row.id,
        name: row.name,
        description: row.description,
        segments: row.segments,
        communication_guidance: row.communication_guidance,
        customers: row.customers,
      };
    }
    // valid ids are answered even before definitions are stored
    const def = archetypeDefinitionById(id);
    if (!def) throw new NotFoundError('Archetype', id);
    return { ...def, customers: 0 };
  }

  async archetypes() {
    const rows = await this.repo.archetypeCounts();
    const total = rows.reduce((s, r) => s + r.customers, 0);
    return {
      total_customers: total,
      archetypes: rows.map((r) => ({
        id: r.id,
        name: r.name,
        customers: r.customers,
        share: total > 0 ? Math.round((r.customers / total) * 10_000) / 10_000 : 0,
      })),
    };
  }
}
