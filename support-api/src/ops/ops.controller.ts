import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import {
  JobNameParams,
  JobRunView,
  QueueNameParams,
  QueuesView,
  RetryFailedDto,
  RetryFailedView,
  RunJobDto,
} from './ops.dto';
import { OpsService } from './ops.service';

@ApiTags('ops')
@Controller()
export class OpsController {
  constructor(private readonly ops: OpsService) {}

  @Get('api/ops/queues')
  @Authorize(Permission.OpsRun)
  @ApiOkResponse({
    type: QueuesView,
    description: 'Counts, schedulers, last run and recent failures per queue',
  })
  queues(): Promise<QueuesView> {
    return this.ops.queues();
  }

  @Post('api/ops/jobs/:name/run')
  @HttpCode(200)
  @Authorize(Permission.OpsRun)
  @ApiOkResponse({
    type: JobRunView,
    description: 'The run, completed or failed (see state and error)',
  })
  @ApiBadRequestResponse({
    description: 'Unknown job name (the allowed names are listed) or missing input',
  })
  run(
    @Param() params: JobNameParams,
    @Body() dto: RunJobDto,
    @CurrentAgent() agent: AuthAgent,
  ): Promise<JobRunView> {
    return this.ops.runNow(params.name, dto, agent);
  }

  @Post('api/ops/queues/:queue/retry')
  @HttpCode(200)
  @Authorize(Permission.OpsRun)
  @ApiOkResponse({ type: RetryFailedView })
  @ApiNotFoundResponse({ description: 'Unknown queue' })
  retry(@Param() params: QueueNameParams, @Body() dto: RetryFailedDto): Promise<RetryFailedView> {
    return this.ops.retryFailed(params.queue, dto);
  }
}
