import { Module } from '@nestjs/common';

import { SegmentsModule } from '../segments/segments.module';
import { ProfileCache } from './profile-cache';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';

@Module({
  imports: [SegmentsModule],
  providers: [ProfilesRepository, ProfilesService, ProfileCache],
  exports: [ProfilesRepository, ProfilesService, ProfileCache],
})
export class ProfilesModule {}
