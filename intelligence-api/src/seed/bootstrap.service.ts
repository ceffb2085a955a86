import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ModelsService } from '../models/models.service';
import { SegmentsService } from '../segments/segments.service';
import { IntelligenceSeedService } from './seed.service';

/**
 * On start: store the archetype definitions, load the demo store into an empty database (when
 * enabled) and fit the models once when orders exist but no count model serves yet, so the demo
 * has figures from its first request.
 */
@Injectable()
export class IntelligenceBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly seed: IntelligenceSeedService,
    private readonly models: ModelsService,
    private readonly segments: SegmentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.segments.ensureArchetypes(this.db);
    const seeded = this.seed.enabled ? await this.seed.seed() : false;
    if (!seeded && ((await this.models.hasCurrentCountFit()) || !(await this.models.hasOrders()))) return;
    try {
      await this.models.refit({ trigger: 'startup' });
    } catch (err) {
      this.logger.error(`Initial model fit failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
