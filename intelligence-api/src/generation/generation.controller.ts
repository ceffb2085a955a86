import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';

import { ActionsView, DraftView, GenerateMessageDto, RecommendActionsDto } from './generation.dto';
import { GenerationService } from './generation.service';

@ApiTags('generation')
@ApiSecurity('api-key')
@Controller('api/generation')
export class GenerationController {
  constructor(private readonly generation: GenerationService) {}

  @Post('message')
  @HttpCode(200)
  @ApiOperation({ summary: "Draft a reply for the ticket's channel from the gathered context" })
  @ApiOkResponse({
    type: DraftView,
    description: 'A draft within the channel limit, with what it used',
  })
  @ApiBadRequestResponse({
    description: 'Invalid body; a bad tone or length lists the allowed values',
  })
  message(@Body() body: GenerateMessageDto): Promise<DraftView> {
    return this.generation.draftMessage(body);
  }

  @Post('actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Next-best actions, warnings and talking points for the ticket' })
  @ApiOkResponse({ type: ActionsView })
  @ApiBadRequestResponse({ description: 'Invalid body' })
  actions(@Body() body: RecommendActionsDto): Promise<ActionsView> {
    return this.generation.recommend(body);
  }
}
