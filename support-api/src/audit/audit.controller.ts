import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { Authorize } from '../common/authorize.decorator';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize(Permission.AuditRead)
  @ApiOkResponse({ description: 'Audit entries, newest first: who, when, what, before and after' })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
