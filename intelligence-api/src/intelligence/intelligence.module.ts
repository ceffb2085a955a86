import { Module } from '@nestjs/common';

import { ModelsModule } from '../models/models.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { ArchetypesController, SegmentsController } from '../segments/segments.controller';
import { SegmentsModule } from '../segments/segments.module';
import { IntelligenceController } from './intelligence.controller';
import { IntelligenceRepository } from './intelligence.repository';
import { IntelligenceService } from './intelligence.service';

@Module({
  imports: [ProfilesModule, ModelsModule, SegmentsModule],
  controllers: [IntelligenceController, SegmentsController, ArchetypesController],
  providers: [IntelligenceRepository, IntelligenceService],
  exports: [IntelligenceService],
})
export class IntelligenceModule {}
