import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import { ConfigError, loadEnv, splitList } from './config';

class Env {
  @IsOptional() @IsInt() @Min(1) @Max(65535) PORT = 8001;
  @IsOptional() @Matches(/^postgres:\/\//, { message: 'must be a postgres:// URL' }) DATABASE_URL?: string;
  @IsOptional() @IsString() SECRET_KEY?: string;
}

describe('loadEnv', () => {
  it('keeps defaults and converts numeric settings', () => {
    expect(loadEnv(Env, {}).PORT).toBe(8001);
    expect(loadEnv(Env, { PORT: '9000' }).PORT).toBe(9000);
    expect(loadEnv(Env, { PORT: '' }).PORT).toBe(8001);
  });

  it('names every bad variable', () => {
    try {
      loadEnv(Env, { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    }
  });

  it('splits comma lists', () => {
    expect(splitList(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
  });
});
