import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface FitRow {
  id: string;
  model: string;
  params: Record<string, number>;
  log_likelihood: number | null;
  converged: boolean;
  n_customers: number;
  time_unit: string;
  window_start: Date | null;
  window_end: Date;
  fit_ms: number;
  metrics: Record<string, unknown> | null;
  created_at: Date;
}

@ApiTags('models')
@ApiSecurity('api-key')
@Controller('api/models')
export class ModelsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('current')
  @ApiOkResponse({ description: 'The fits currently serving predictions: parameters, fit time, data window' })
  async current() {
    const rows = await this.db.query<FitRow[]>(
      `SELECT id, model, params, log_likelihood, converged, n_customers, time_unit, window_start,
              window_end, fit_ms, metrics, created_at
         FROM model_fits WHERE is_current ORDER BY model`,
    );
    return {
      models: rows.map((r) => ({
        id: r.id,
        model: r.model,
        params: r.params,
        log_likelihood: r.log_likelihood,
        converged: r.converged,
        n_customers: r.n_customers,
        time_unit: r.time_unit,
        window_start: r.window_start?.toISOString() ?? null,
        window_end: r.window_end.toISOString(),
        fit_ms: r.fit_ms,
        metrics: r.metrics,
        fitted_at: r.created_at.toISOString(),
      })),
    };
  }
}
