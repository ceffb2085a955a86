import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { RefitDto } from './models.dto';
import { ModelsService } from './models.service';
import { RefitScheduler } from './refit-scheduler.service';

@ApiTags('models')
@ApiSecurity('api-key')
@Controller('api/models')
export class ModelsController {
  constructor(
    private readonly models: ModelsService,
    private readonly scheduler: RefitScheduler,
  ) {}

  @Get('current')
  @ApiOkResponse({
    description:
      'The fits serving predictions (parameters, log-likelihood, data window, fit time, holdout metrics), ' +
      'which count model serves churn and why, the last refit and the refit schedule',
  })
  async current() {
    const [current, schedule] = await Promise.all([this.models.current(), this.scheduler.describe()]);
    return { ...current, schedule };
  }

  @Post('refit')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'Fits BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma on the stored orders, stores every fit, makes the ' +
      'converged ones current (a fit that does not converge leaves the previous one serving), ranks the count ' +
      'models by holdout AUC and rescores every profile. Answers once all is stored.',
  })
  @ApiBadRequestResponse({ description: 'observation_end is not a date or lies in the future' })
  refit(@Body() body: RefitDto) {
    return this.models.refit({ observationEnd: body.observation_end, trigger: 'api' });
  }
}
