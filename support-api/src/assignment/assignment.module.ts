import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AssignmentController } from './assignment.controller';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentService } from './assignment.service';
import { AutoAssignJob } from './auto-assign.job';

/**
 * Who holds each ticket: claim, assign, reassign, unassign, bulk reassignment, team workload
 * and automatic assignment. A job or the tickets code calls `AssignmentService.autoAssign` and
 * `onCapacityFreed`.
 */
@Module({
  imports: [AuditModule, ScoringModule],
  controllers: [AssignmentController],
  providers: [AssignmentRepository, AssignmentService, AutoAssignJob],
  exports: [AssignmentService],
})
export class AssignmentModule {}
