import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../common/api-key.guard';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Database reachable and models loaded' })
  async check(@Res({ passthrough: true }) res: Response) {
    const database = await this.db.query('SELECT 1').then(
      () => 'connected' as const,
      () => 'unavailable' as const,
    );
    const fits = database === 'connected'
      ? await this.db.query<{ model: string; created_at: Date }[]>(
          `SELECT model, created_at FROM model_fits WHERE is_current ORDER BY model`,
        )
      : [];
    if (database !== 'connected') res.status(503);
    return {
      status: database === 'connected' ? 'healthy' : 'unhealthy',
      services: { database },
      models: fits.map((f) => ({ model: f.model, fitted_at: f.created_at })),
    };
  }
}
