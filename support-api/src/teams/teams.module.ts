import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

/** Teams, their lead and membership, and members' status, capacity and skills. */
@Module({
  imports: [AuditModule],
  controllers: [TeamsController],
  providers: [TeamsRepository, TeamsService],
})
export class TeamsModule {}
