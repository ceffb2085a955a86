import Anthropic from '@anthropic-ai/sdk';
import { Logger } from '@nestjs/common';

import { CHANNEL_RULES, enforceChannelLimit, frameEmail, measure } from '../channel-rules';
import { offersBeyondPolicy } from '../compensation';
import type { DraftFacts } from '../context';
import { detectPersonalization } from '../personalization';
import { buildPrompt, BuiltPrompt, stricterInstruction } from '../prompt';
import type { DraftSpec, DraftWriter, WrittenDraft } from './writer';

export interface AnthropicSettings {
  apiKey: string;
  model: string;
  baseUrl?: string;
  /** SDK retries on 408/409/429/5xx and connection errors, honouring `retry-after`. */
  maxRetries?: number;
  timeoutMs?: number;
}

export const ANTHROPIC_MAX_RETRIES = 2;
/** Per HTTP attempt. */
export const ANTHROPIC_TIMEOUT_MS = 15_000;
/**
 * For a whole draft (retries and the one regeneration included), so a slow provider gives way to
 * the built-in writer well before support-api's own 30 s timeout.
 */
export const DRAFT_DEADLINE_MS = 20_000;

/** The SDK client; its retries (429 with `retry-after`, 5xx) and timeout are the only ones used. */
export function createAnthropicClient(
  settings: AnthropicSettings,
  logger = new Logger('AnthropicClient'),
): Anthropic {
  return new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl || undefined,
    maxRetries: settings.maxRetries ?? ANTHROPIC_MAX_RETRIES,
    timeout: settings.timeoutMs ?? ANTHROPIC_TIMEOUT_MS,
    logLevel: 'warn',
    logger: {
      error: (message: string) => logger.error(message),
      warn: (message: string) => logger.warn(message),
      info: (message: string) => logger.log(message),
      debug: (message: string) => logger.debug(message),
    },
  });
}

/** The provider answered, but even the regenerated draft offers more than the policy allows. */
export class PolicyViolationError extends Error {
  constructor(readonly offers: string[]) {
    super(`Draft offers beyond the compensation policy: ${offers.join(', ')}`);
    this.name = 'PolicyViolationError';
  }
}

/** Strips what a model sometimes wraps a reply in: code fences, quotes, a subject line. */
export function cleanProviderText(raw: string, spec: DraftSpec): string {
  let text = raw.replace(/\r\n?/g, '\n').trim();
  text = text
    .replace(/^```[a-z]*\n?/i, '')
    .replace(/\n?```$/, '')
    .trim();
  text = text.replace(/^subject:[^\n]*\n+/i, '').trim();
  if (/^"[^"]+"$/s.test(text)) text = text.slice(1, -1).trim();
  if (spec.channel === 'sms') text = text.replace(/\s*\n+\s*/g, ' ');
  return text;
}

interface Problems {
  measured?: number;
  beyondPolicy?: string[];
}

/**
 * Drafts with the Anthropic Messages API. A draft over the channel's limit or offering more than
 * the policy allows is regenerated once with a stricter instruction; one still too long is
 * shortened sentence by sentence, and one still beyond policy is refused (the service then falls
 * back to the built-in writer). Nothing leaves here over the limit.
 */
export class AnthropicWriter implements DraftWriter {
  readonly kind = 'anthropic' as const;

  readonly label: string;

  constructor(
    private readonly client: Anthropic,
    readonly model: string,
    private readonly deadlineMs = DRAFT_DEADLINE_MS,
  ) {
    this.label = `Anthropic writer (${model})`;
  }

  async write(facts: DraftFacts, spec: DraftSpec): Promise<WrittenDraft> {
    const signal = AbortSignal.timeout(this.deadlineMs);
    const prompt = buildPrompt(facts, spec);
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: prompt.user }];
    const notes: string[] = [];

    let text = this.normalize(await this.complete(prompt, messages, signal), facts, spec);
    let problems = this.problems(text, facts, spec);
    if (problems) {
      notes.push(
        `regenerated once with a stricter instruction (${[
          problems.measured !== undefined
            ? `${problems.measured} ${CHANNEL_RULES[spec.channel].unit} against a limit of ${CHANNEL_RULES[spec.channel].limit}`
            : null,
          problems.beyondPolicy ? 'offer beyond policy' : null,
        ]
          .filter(Boolean)
          .join('; ')})`,
      );
      messages.push(
        { role: 'assistant', content: text },
        { role: 'user', content: stricterInstruction(spec, problems, facts) },
      );
      text = this.normalize(await this.complete(prompt, messages, signal), facts, spec);
      problems = this.problems(text, facts, spec);
    }
    if (problems?.beyondPolicy) throw new PolicyViolationError(problems.beyondPolicy);

    const enforced = enforceChannelLimit(text, spec.channel, facts.firstName);
    if (enforced.shortened) notes.push('shortened to the limit at a sentence boundary');
    const { personalization, chips } = detectPersonalization(enforced.text, facts);
    return { text: enforced.text, personalization, chips, notes };
  }

  private async complete(
    prompt: BuiltPrompt,
    messages: Anthropic.MessageParam[],
    signal: AbortSignal,
  ): Promise<string> {
    const response = await this.client.messages.create(
      { model: this.model, max_tokens: prompt.maxTokens, system: prompt.system, messages },
      { signal },
    );
    const text = response.content
      .filter((block): block is Anthropic.TextBlock => block.type === 'text')
      .map((block) => block.text)
      .join('')
      .trim();
    if (text === '') throw new Error('The provider returned no text');
    return text;
  }

  private normalize(raw: string, facts: DraftFacts, spec: DraftSpec): string {
    const text = cleanProviderText(raw, spec);
    return CHANNEL_RULES[spec.channel].framed ? frameEmail(text, facts.firstName) : text;
  }

  private problems(text: string, facts: DraftFacts, spec: DraftSpec): Problems | null {
    const problems: Problems = {};
    const measured = measure(text, spec.channel);
    if (measured > CHANNEL_RULES[spec.channel].limit) problems.measured = measured;
    // What this ticket allows: the policy's credit only when the ticket qualifies for one.
    const allowed = {
      ...facts.policy,
      allowGoodwillCredit: (facts.compensation?.goodwillPercent ?? 0) > 0,
      maxGoodwillPercent: facts.compensation?.goodwillPercent ?? 0,
    };
    const beyond = offersBeyondPolicy(text, allowed);
    if (beyond.length > 0 || (!facts.compensation && /\bgoodwill\b/i.test(text))) {
      problems.beyondPolicy = beyond.length > 0 ? beyond : ['goodwill credit not warranted'];
    }
    return problems.measured !== undefined || problems.beyondPolicy ? problems : null;
  }
}
