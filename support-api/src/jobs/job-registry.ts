import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { JobName, JobPayloads } from '@quimbi/contracts';

import { JOB_HANDLER } from './job-handler.decorator';

type Handler = (data: unknown) => Promise<unknown>;

/** The job names support-api owns; each must have exactly one handler (checked at start-up). */
export const SUPPORT_JOBS: readonly JobName[] = [
  JobName.TicketRescore,
  JobName.SlaCheck,
  JobName.CustomerFiguresRefresh,
  JobName.TeamsAutoAssign,
  JobName.WebhooksDeliver,
];

@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly handlers = new Map<JobName, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn as () => unknown);
        if (!name) continue;
        if (this.handlers.has(name)) {
          throw new Error(`Job ${name} has more than one handler (${wrapper.name}.${method})`);
        }
        this.handlers.set(name, (data) => (fn as Handler).call(instance, data));
      }
    }
    const missing = SUPPORT_JOBS.filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
    this.logger.log(`Job handlers: ${[...this.handlers.keys()].join(', ')}`);
  }

  has(name: string): name is JobName {
    return this.handlers.has(name as JobName);
  }

  async dispatch<N extends JobName>(name: N, data: JobPayloads[N]): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${name}`);
    return handler(data);
  }
}
