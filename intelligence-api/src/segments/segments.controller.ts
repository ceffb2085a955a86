import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { IntelligenceService } from '../intelligence/intelligence.service';
import { SegmentsService } from './segments.service';

@ApiTags('segments')
@ApiSecurity('api-key')
@Controller('api/segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly intelligence: IntelligenceService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Every axis with its segments, thresholds (cuts), population shares and guidance' })
  definitions() {
    return this.segments.definitions();
  }

  @Get('customer/:id')
  @ApiOkResponse({ description: 'The customer’s segment, membership (0..1) and measured value on every axis' })
  @ApiNotFoundResponse({ description: 'Unknown customer' })
  customer(@Param('id') id: string) {
    return this.intelligence.customerSegments(id);
  }
}

@ApiTags('segments')
@ApiSecurity('api-key')
@Controller('api/archetypes')
export class ArchetypesController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @ApiOkResponse({ description: 'Archetypes in use with their number and share of customers' })
  list() {
    return this.segments.archetypes();
  }

  @Get(':id')
  @ApiOkResponse({ description: 'An archetype: name, description, defining segments, communication guidance' })
  @ApiNotFoundResponse({ description: 'Unknown archetype id' })
  get(@Param('id') id: string) {
    return this.segments.archetype(id);
  }
}
