import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';

import { ScoringModule } from '../scoring/scoring.module';
import { AiProxyController } from './ai-proxy.controller';
import { AiProxyService } from './ai-proxy.service';
import { CustomerFiguresService } from './customer-figures.service';
import { QuimbiClient } from './quimbi-client';

@Module({
  imports: [HttpModule, ScoringModule],
  controllers: [AiProxyController],
  providers: [QuimbiClient, AiProxyService, CustomerFiguresService],
  exports: [QuimbiClient, AiProxyService],
})
export class AiProxyModule {}
