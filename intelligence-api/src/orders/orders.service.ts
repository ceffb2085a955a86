import { Injectable, Logger } from '@nestjs/common';

import { ModelsService } from '../models/models.service';
import { ProfileCache } from '../profiles/profile-cache';
import { ProfilesService } from '../profiles/profiles.service';
import { validateOrderRows, type RowRejection, type ValidOrder } from './order-validation';
import { OrdersRepository, type CustomerUpsert } from './orders.repository';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RowRejection[];
  /** Customers with at least one newly stored order (not part of the HTTP answer). */
  customerIds: string[];
}

export interface IngestOptions {
  /** Stored in `orders.source`: api, shopify, cdnow… */
  source?: string;
  /** Rescore the customers' profiles right away (default true; imports refit at the end instead). */
  rescore?: boolean;
  now?: Date;
}

/**
 * Stores batches of orders: each row validated on its own, idempotent by order id, customers
 * upserted, one currency per customer. Good rows are stored even when others are refused.
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly repo: OrdersRepository,
    private readonly profiles: ProfilesService,
    private readonly models: ModelsService,
    private readonly cache: ProfileCache,
  ) {}

  async ingest(rows: readonly unknown[], options: IngestOptions = {}): Promise<IngestResult> {
    const { valid, rejected } = validateOrderRows(rows, options.now ?? new Date());
    let duplicates = 0;
    const seen = new Set<string>();
    const candidates: ValidOrder[] = [];
    for (const v of valid) {
      if (seen.has(v.order.id)) duplicates++;
      else {
        seen.add(v.order.id);
        candidates.push(v);
      }
    }

    const accepted: ValidOrder[] = [];
    if (candidates.length > 0) {
      await this.repo.transaction(async (m) => {
        const existing = await this.repo.existingOrderIds(m, candidates.map((c) => c.order.id));
        const fresh = candidates.filter((c) => !existing.has(c.order.id));
        duplicates += candidates.length - fresh.length;
        if (fresh.length === 0) return;

        const currencies = await this.repo.upsertCustomers(m, customerUpserts(fresh));
        const ok: ValidOrder[] = [];
        for (const c of fresh) {
          const customerCurrency = currencies.get(c.order.customer.id);
          if (customerCurrency && customerCurrency !== c.order.currency) {
            rejected.push({
              index: c.index,
              order_id: c.order.id,
              errors: [
                {
                  field: 'currency',
                  message:
                    `${c.order.currency} differs from the currency of customer ${c.order.customer.id} ` +
                    `(${customerCurrency}); a customer's orders must share one currency`,
                },
              ],
            });
          } else ok.push(c);
        }
        const inserted = await this.repo.insertOrders(m, ok, options.source ?? 'api');
        duplicates += ok.length - inserted.size;
        const stored = ok.filter((c) => inserted.has(c.order.id));
        await this.repo.insertChildren(m, stored);
        accepted.push(...stored);
      });
    }

    rejected.sort((a, b) => a.index - b.index);
    const customerIds = [...new Set(accepted.map((a) => a.order.customer.id))];
    if (customerIds.length > 0) {
      this.cache.invalidate(customerIds);
      if (options.rescore !== false) await this.rescore(customerIds);
    }
    return { accepted: accepted.length, duplicates, rejected, customerIds };
  }

  /** Fresh profiles for customers with new orders; the orders are stored whatever happens here. */
  private async rescore(customerIds: string[]): Promise<void> {
    try {
      const serving = await this.models.servingModels();
      await this.profiles.rescoreCustomers(customerIds, serving.models, serving.windowEnd);
    } catch (err) {
      this.logger.warn(
        `Orders stored, but rescoring ${customerIds.length} customer(s) failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  customerIdsByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    return this.repo.customerIdsByEmail(emails);
  }
}

/** One upsert per customer: the last row's contact details, the first order's currency. */
function customerUpserts(orders: readonly ValidOrder[]): CustomerUpsert[] {
  const byId = new Map<string, CustomerUpsert>();
  for (const { order: o, placedAt } of orders) {
    const prev = byId.get(o.customer.id);
    byId.set(o.customer.id, {
      id: o.customer.id,
      email: o.customer.email,
      name: o.customer.name,
      phone: o.customer.phone ?? prev?.phone ?? null,
      currency: prev?.currency ?? o.customer.currency ?? o.currency,
      firstSeen: prev && prev.firstSeen < placedAt ? prev.firstSeen : placedAt,
    });
  }
  return [...byId.values()];
}
