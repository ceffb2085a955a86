import { Module } from '@nestjs/common';

import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';
import { ContextRepository } from './context.repository';
import { GenerationController } from './generation.controller';
import { ANTHROPIC_WRITER, GenerationService } from './generation.service';
import { AnthropicWriter, createAnthropicClient } from './writers/anthropic-writer';
import { TemplateWriter } from './writers/template-writer';

/** Drafts and next-best actions. Uses the Anthropic writer when a key is configured, else the built-in one. */
@Module({
  controllers: [GenerationController],
  providers: [
    ContextRepository,
    TemplateWriter,
    GenerationService,
    {
      provide: ANTHROPIC_WRITER,
      inject: [INTELLIGENCE_CONFIG],
      useFactory: ({ anthropic }: IntelligenceConfig): AnthropicWriter | null =>
        anthropic.apiKey
          ? new AnthropicWriter(
              createAnthropicClient({
                apiKey: anthropic.apiKey,
                model: anthropic.model,
                baseUrl: anthropic.baseUrl,
              }),
              anthropic.model,
            )
          : null,
    },
  ],
  exports: [GenerationService],
})
export class GenerationModule {}
