import { CanActivate, ExecutionContext, Injectable, RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';

import { DomainError } from '@quimbi/server-kit';

import { InboundChannel, InboundService } from './inbound.service';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../common/hmac-signature';

const CHANNELS: readonly InboundChannel[] = ['email', 'sms', 'chat'];

/** Checks the provider's signature before anything else looks at the body. */
@Injectable()
export class InboundSignatureGuard implements CanActivate {
  constructor(private readonly inbound: InboundService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    const channel = req.path.split('/').filter(Boolean).at(-1) as InboundChannel;
    if (!CHANNELS.includes(channel)) throw new DomainError('not_found', 'Unknown inbound channel');
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    this.inbound.verify(channel, header(SIGNATURE_HEADER), header(TIMESTAMP_HEADER), req.rawBody);
    return true;
  }
}
