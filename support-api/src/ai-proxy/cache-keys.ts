/** Readable, namespaced cache keys (the Redis store prefixes them with `<QUEUE_PREFIX>:cache:`). */
export const cacheKeys = {
  intelligence: (customerId: string) => `quimbi:intel:${customerId}`,
  churn: (customerId: string) => `quimbi:churn:${customerId}`,
  ltv: (customerId: string) => `quimbi:ltv:${customerId}`,
  draft: (ticketId: string, latestMessageId: string, tone: string, length: string) =>
    `quimbi:draft:${ticketId}:${latestMessageId}:${tone}:${length}`,
};
