import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '../audit/audit.module';
import { GlobalAuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { JwtStrategy } from '../auth/jwt.strategy';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AgentEntity, AgentSessionEntity } from '../database/entities';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgentEntity, AgentSessionEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.secretKey,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    AuditModule,
  ],
  controllers: [AgentsController],
  providers: [
    AgentsRepository,
    AgentsService,
    AuthService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
  ],
  exports: [AgentsRepository, AuthService],
})
export class AgentsModule {}
