import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type { ArchetypeDefinition } from './segmentation';

type Queryable = DataSource | EntityManager;

export interface StoredSegmentDefinition {
  id: string;
  label: string;
  description: string;
  min: number | null;
  max: number | null;
  share: number | null;
  guidance: string[];
}

export interface AxisDefinitionRow {
  axis: string;
  label: string;
  description: string;
  segments: StoredSegmentDefinition[];
  thresholds: {
    metric: string;
    unit: string;
    source: string;
    cuts: number[];
    population: number;
    rules: string[];
  };
  updated_at: Date;
}

export interface ArchetypeRow {
  id: string;
  name: string;
  description: string;
  segments: Record<string, string>;
  communication_guidance: string[];
  updated_at: Date;
}

/** Stored segment and archetype definitions. */
@Injectable()
export class SegmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async upsertAxes(q: Queryable, rows: Omit<AxisDefinitionRow, 'updated_at'>[]): Promise<void> {
    await q.query(
      `INSERT INTO segment_definitions (axis, label, description, segments, thresholds, updated_at)
       SELECT axis, label, description, segments, thresholds, now()
         FROM jsonb_to_recordset($1::jsonb)
              AS t(axis varchar, label varchar, description text, segments jsonb, thresholds jsonb)
       ON CONFLICT (axis) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description,
              segments = EXCLUDED.segments, thresholds = EXCLUDED.thresholds, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }

  async upsertArchetypes(q: Queryable, rows: readonly ArchetypeDefinition[]): Promise<void> {
    await q.query(
      `INSERT INTO archetype_definitions (id, name, description, segments, communication_guidance, updated_at)
       SELECT id, name, description, segments, communication_guidance, now()
         FROM jsonb_to_recordset($1::jsonb)
              AS t(id varchar, name varchar, description text, segments jsonb, communication_guidance jsonb)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
              segments = EXCLUDED.segments, communication_guidance = EXCLUDED.communication_guidance,
              updated_at = now()
        WHERE (archetype_definitions.name, archetype_definitions.description, archetype_definitions.segments,
               archetype_definitions.communication_guidance)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.segments,
               EXCLUDED.communication_guidance)`,
      [JSON.stringify(rows)],
    );
  }

  /** Removes definitions no longer in the catalogue that no profile uses. */
  async pruneArchetypes(q: Queryable, keep: readonly string[]): Promise<void> {
    await q.query(
      `DELETE FROM archetype_definitions a
        WHERE NOT (a.id = ANY($1)) AND NOT EXISTS (SELECT 1 FROM customer_profiles p WHERE p.archetype_id = a.id)`,
      [keep],
    );
  }

  async axes(q: Queryable = this.db): Promise<AxisDefinitionRow[]> {
    return q.query<AxisDefinitionRow[]>(
      `SELECT axis, label, description, segments, thresholds, updated_at FROM segment_definitions`,
    );
  }

  async archetype(id: string): Promise<(ArchetypeRow & { customers: number }) | null> {
    const [row] = await this.db.query<(ArchetypeRow & { customers: number })[]>(
      `SELECT a.id, a.name, a.description, a.segments, a.communication_guidance, a.updated_at,
              (SELECT count(*)::int FROM customer_profiles p WHERE p.archetype_id = a.id) AS customers
         FROM archetype_definitions a WHERE a.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Archetypes in use, most customers first. */
  async archetypeCounts(): Promise<{ id: string; name: string; customers: number }[]> {
    return this.db.query(
      `SELECT a.id, a.name, count(*)::int AS customers
         FROM customer_profiles p JOIN archetype_definitions a ON a.id = p.archetype_id
        GROUP BY a.id, a.name ORDER BY customers DESC, a.id`,
    );
  }
}
