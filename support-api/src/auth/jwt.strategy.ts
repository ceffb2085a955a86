import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { AuthAgent } from '../common/authorize.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthService, TokenPayload } from './auth.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: config.secretKey,
      algorithms: ['HS256'],
    });
  }

  validate(payload: TokenPayload): Promise<AuthAgent> {
    return this.auth.resolveSession(payload);
  }
}
