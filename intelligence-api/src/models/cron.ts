import { CronExpressionParser } from 'cron-parser';

/** The first instant strictly after `from` matching a cron expression, read in UTC. */
export function nextCronInstant(expression: string, from: Date = new Date()): Date {
  return CronExpressionParser.parse(expression, { currentDate: from, tz: 'UTC' }).next().toDate();
}
