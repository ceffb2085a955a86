import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { PresenceState } from './presence.service';

const STATES: PresenceState[] = ['viewing', 'typing', 'left'];

export class PresenceDto {
  @ApiProperty({ enum: STATES })
  @IsIn(STATES, { message: `must be one of: ${STATES.join(', ')}` })
  state!: PresenceState;
}
