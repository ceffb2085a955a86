import { Module } from '@nestjs/common';

import { ProfilesModule } from '../profiles/profiles.module';
import { SegmentsModule } from '../segments/segments.module';
import { ModelsController } from './models.controller';
import { ModelsRepository } from './models.repository';
import { ModelsService } from './models.service';
import { RefitScheduler } from './refit-scheduler.service';

@Module({
  imports: [ProfilesModule, SegmentsModule],
  controllers: [ModelsController],
  providers: [ModelsRepository, ModelsService, RefitScheduler],
  exports: [ModelsService, RefitScheduler],
})
export class ModelsModule {}
