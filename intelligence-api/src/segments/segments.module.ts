import { Module } from '@nestjs/common';

import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

@Module({
  providers: [SegmentsRepository, SegmentsService],
  exports: [SegmentsService],
})
export class SegmentsModule {}
