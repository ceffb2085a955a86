import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { AnalyzeBodyPipe, type AnalyzeBody } from './analyze-body.pipe';
import { AnalyzeBatchDto, AnalyzeDto } from './intelligence.dto';
import { IntelligenceService } from './intelligence.service';

@ApiTags('intelligence')
@ApiSecurity('api-key')
@Controller('api/intelligence')
export class IntelligenceController {
  constructor(private readonly intelligence: IntelligenceService) {}

  @Post('analyze')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'Archetype and per-axis segments, behavioural metrics, churn risk / P(alive) / expected purchases / ' +
      'discounted LTV from the serving models, communication guidance and the last 5 orders',
  })
  @ApiNotFoundResponse({ description: 'Unknown customer' })
  @ApiBody({ type: AnalyzeDto })
  // the answer is sent as the JSON text the service keeps per cached customer (what res.json would send)
  @Header('Content-Type', 'application/json; charset=utf-8')
  analyze(@Body(AnalyzeBodyPipe) body: AnalyzeBody): string | Promise<string> {
    return this.intelligence.analyzeJson(body.customer_id, body.context);
  }

  @Post('analyze/batch')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The analyze answer (without recent orders) for up to 500 customers' })
  analyzeBatch(@Body() body: AnalyzeBatchDto) {
    return this.intelligence.analyzeBatch(body.customer_ids);
  }
}
