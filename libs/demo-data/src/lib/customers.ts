import { makeEmail, makePhone, pickLocation, pickName, type Location } from './people';
import { apportion, type Rng } from './random';
import { DAY, MINUTE, seasonality, shoppingHour } from './time';
import { PERSONAS, PRODUCT_CATEGORIES, type Persona, type ProductCategory } from './types';

/** How far back the store's history goes: it opened two years before `now`. */
export const HISTORY_DAYS = 730;

export interface PersonaProfile {
  /** Share of the customer base, in percent. */
  share: number;
  /** Account age range in days before `now`. */
  tenureDays: readonly [number, number];
  /** Mean purchases per year while active, and the gamma shape of its spread across customers. */
  rateMean: number;
  rateShape: number;
  /** Beta(a, b) prior of the probability of dropping out after each purchase. */
  dropout: readonly [number, number];
  /** Fixed number of orders (one-time buyers, window shoppers). */
  fixedOrders?: number;
  /** Mean number of extra lines beyond the first. */
  basketExtra: number;
  /** 0 = cheapest items, 1 = most premium items within a category. */
  priceTier: number;
  /** Probability of using a discount code outside sale periods. */
  discountProb: number;
  /** Base per-line return probability (scaled by category). */
  returnRate: number;
  /** Number of categories the customer shops from. */
  breadth: readonly [number, number];
  acceptsMarketing: number;
  /** Category preference multipliers. */
  categoryBias?: Partial<Record<ProductCategory, number>>;
  /** Likelihood of buying consumables in multiples. */
  restock: number;
  /** Chance of picking express shipping. */
  express: number;
}

export const PERSONA_PROFILES: Record<Persona, PersonaProfile> = {
  vip: {
    share: 2.5, tenureDays: [430, 728], rateMean: 15, rateShape: 8, dropout: [1, 90],
    basketExtra: 1.6, priceTier: 0.8, discountProb: 0.12, returnRate: 0.05, breadth: [4, 7],
    acceptsMarketing: 0.85, restock: 0.4, express: 0.3,
  },
  loyal_premium: {
    share: 9, tenureDays: [250, 728], rateMean: 6.5, rateShape: 5, dropout: [1, 40],
    basketExtra: 0.9, priceTier: 0.78, discountProb: 0.06, returnRate: 0.06, breadth: [2, 4],
    acceptsMarketing: 0.6, restock: 0.3, express: 0.15,
  },
  frequent_small_basket: {
    share: 8, tenureDays: [200, 728], rateMean: 13, rateShape: 5, dropout: [1, 30],
    basketExtra: 0.1, priceTier: 0.1, discountProb: 0.08, returnRate: 0.03, breadth: [1, 2],
    acceptsMarketing: 0.5, restock: 0.15, express: 0.03,
    categoryBias: { beauty: 4, kitchen: 3, electronics_accessories: 1.5, home: 1.2 },
  },
  deal_hunter: {
    share: 12, tenureDays: [60, 728], rateMean: 4, rateShape: 3, dropout: [1, 10],
    basketExtra: 0.8, priceTier: 0.35, discountProb: 0.8, returnRate: 0.12, breadth: [2, 5],
    acceptsMarketing: 0.95, restock: 0.35, express: 0.02,
  },
  casual: {
    share: 23, tenureDays: [20, 728], rateMean: 2.2, rateShape: 2, dropout: [1.2, 4],
    basketExtra: 0.5, priceTier: 0.5, discountProb: 0.16, returnRate: 0.08, breadth: [1, 3],
    acceptsMarketing: 0.45, restock: 0.2, express: 0.06,
  },
  one_time: {
    share: 18, tenureDays: [15, 728], rateMean: 0, rateShape: 1, dropout: [1, 1], fixedOrders: 1,
    basketExtra: 0.4, priceTier: 0.45, discountProb: 0.35, returnRate: 0.1, breadth: [1, 1],
    acceptsMarketing: 0.35, restock: 0.1, express: 0.05,
  },
  lapsed: {
    share: 12, tenureDays: [520, 728], rateMean: 5.5, rateShape: 3, dropout: [1, 25],
    basketExtra: 0.7, priceTier: 0.5, discountProb: 0.2, returnRate: 0.1, breadth: [2, 3],
    acceptsMarketing: 0.4, restock: 0.25, express: 0.05,
  },
  serial_returner: {
    share: 5, tenureDays: [150, 728], rateMean: 6, rateShape: 4, dropout: [1, 25],
    basketExtra: 1.8, priceTier: 0.55, discountProb: 0.2, returnRate: 0.5, breadth: [1, 3],
    acceptsMarketing: 0.55, restock: 0.1, express: 0.1,
    categoryBias: { apparel: 5, footwear: 4 },
  },
  new_customer: {
    share: 7, tenureDays: [0.3, 45], rateMean: 4, rateShape: 2, dropout: [1, 3],
    basketExtra: 0.6, priceTier: 0.5, discountProb: 0.45, returnRate: 0.08, breadth: [1, 3],
    acceptsMarketing: 0.6, restock: 0.15, express: 0.08,
  },
  window_shopper: {
    share: 3.5, tenureDays: [3, 728], rateMean: 0, rateShape: 1, dropout: [1, 1], fixedOrders: 0,
    basketExtra: 0, priceTier: 0.5, discountProb: 0, returnRate: 0, breadth: [1, 2],
    acceptsMarketing: 0.7, restock: 0, express: 0,
  },
};

/** Base category popularity across the whole store. */
const CATEGORY_POPULARITY: Record<ProductCategory, number> = {
  apparel: 10,
  footwear: 6,
  home: 6,
  kitchen: 8,
  beauty: 8,
  electronics_accessories: 7,
  outdoor: 4,
  toys: 4,
};

export interface CustomerDraft {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  location: Location;
  createdAt: number;
  acceptsMarketing: boolean;
  persona: Persona;
  /** Favourite categories with weights. */
  categories: [ProductCategory, number][];
  priceTier: number;
  discountProb: number;
  returnRate: number;
  basketExtra: number;
  restock: number;
  express: number;
  /** Purchase instants (ms), ascending. */
  purchaseTimes: number[];
}

/**
 * Simulates one customer's purchase times: a Poisson process whose rate is gamma-distributed
 * across customers (NBD), thinned by seasonality, with a beta-geometric chance of dropping out
 * after every purchase (BG/NBD). Lapsed customers are forced to stop a year or more before now.
 */
function purchaseTimes(
  rng: Rng,
  persona: Persona,
  profile: PersonaProfile,
  firstOrder: number,
  nowMs: number,
): number[] {
  if (profile.fixedOrders === 0) return [];
  const times = [firstOrder];
  if (profile.fixedOrders === 1) return times;

  let end = nowMs - MINUTE;
  if (persona === 'lapsed') {
    // Stopped buying somewhere between 12 and ~20 months ago, at least a few weeks after joining.
    const latest = nowMs - 370 * DAY;
    const earliest = Math.min(latest, firstOrder + 45 * DAY);
    end = rng.float(Math.max(earliest, nowMs - 620 * DAY), latest);
  }

  const ratePerDay = rng.gamma(profile.rateShape, profile.rateMean / profile.rateShape) / 365;
  const p = rng.beta(profile.dropout[0], profile.dropout[1]);
  const sensitivity = persona === 'deal_hunter' ? 1.8 : 1;
  const peak = Math.pow(2.6, sensitivity);

  let t = firstOrder;
  while (times.length < 90) {
    if (rng.chance(p)) break;
    // Thinning: propose at the peak rate, accept with the seasonal ratio.
    let accepted = false;
    while (!accepted) {
      t += rng.exponential(ratePerDay * peak) * DAY;
      if (t > end) break;
      accepted = rng.chance(Math.pow(seasonality(t), sensitivity) / peak);
    }
    if (!accepted || t > end) break;
    times.push(t);
  }

  if (persona === 'lapsed' && times.length < 2) {
    times.push(rng.float(firstOrder + 7 * DAY, Math.max(firstOrder + 8 * DAY, end)));
  }
  return times;
}

function pickCategories(rng: Rng, profile: PersonaProfile): [ProductCategory, number][] {
  const k = rng.int(profile.breadth[0], profile.breadth[1]);
  const pool = PRODUCT_CATEGORIES.map(
    (c) => [c, CATEGORY_POPULARITY[c] * (profile.categoryBias?.[c] ?? 1)] as const,
  );
  const chosen: ProductCategory[] = [];
  let remaining = [...pool];
  while (chosen.length < k && remaining.length > 0) {
    const c = rng.weighted(remaining);
    chosen.push(c);
    remaining = remaining.filter(([x]) => x !== c);
  }
  // The first category is the customer's main interest.
  return chosen.map((c, i) => [c, i === 0 ? 3 : rng.float(0.5, 1.5)]);
}

/** Builds customer drafts sorted by signup time, with ids `cus_0001`… in that order. */
export function generateCustomerDrafts(rng: Rng, count: number, nowMs: number): CustomerDraft[] {
  const counts = apportion(
    count,
    PERSONAS.map((p) => PERSONA_PROFILES[p].share),
  );
  const personas = rng.shuffle(PERSONAS.flatMap((p, i) => Array<Persona>(counts[i] ?? 0).fill(p)));
  const storeOpen = nowMs - HISTORY_DAYS * DAY;
  const takenEmails = new Set<string>();

  const drafts = personas.map((persona, index): CustomerDraft => {
    // Identity and behaviour use separate streams, so the same people appear whatever `now` is.
    const who = rng.fork(`customer:${index}:identity`);
    const r = rng.fork(`customer:${index}:behaviour`);
    const profile = PERSONA_PROFILES[persona];
    const { culture, ...location } = pickLocation(who);
    const name = pickName(who, culture);
    const email = makeEmail(who, name, takenEmails);
    const phone = who.chance(persona === 'vip' ? 0.92 : 0.74) ? makePhone(who, location) : null;
    const acceptsMarketing = who.chance(profile.acceptsMarketing);
    const tenure = r.float(profile.tenureDays[0], profile.tenureDays[1]);
    const acquiredAt = Math.max(storeOpen + MINUTE, nowMs - tenure * DAY);

    let createdAt: number;
    let times: number[];
    if (profile.fixedOrders === 0) {
      createdAt = acquiredAt;
      times = [];
    } else {
      const firstOrder = Math.max(
        storeOpen + MINUTE,
        shoppingHour(acquiredAt, r.next(), r.next(), nowMs - 2 * MINUTE),
      );
      // Most accounts are created at checkout; some signed up earlier (newsletter, wishlist).
      createdAt = persona === 'new_customer' || r.chance(0.8)
        ? firstOrder - r.int(1, 15) * MINUTE
        : Math.max(storeOpen, firstOrder - r.exponential(1 / 20) * DAY);
      times = purchaseTimes(r, persona, profile, firstOrder, nowMs);
      // Spread later purchases over typical shopping hours, keeping order and bounds.
      times = times
        .map((t, i) => (i === 0 ? t : shoppingHour(t, r.next(), r.next(), nowMs - MINUTE)))
        .map((t) => Math.max(t, firstOrder))
        .sort((a, b) => a - b);
    }

    return {
      id: '',
      firstName: name.firstName,
      lastName: name.lastName,
      email,
      phone,
      location,
      createdAt,
      acceptsMarketing,
      persona,
      categories: pickCategories(r, profile),
      priceTier: Math.min(1, Math.max(0, profile.priceTier + r.normal(0, 0.12))),
      discountProb: Math.min(0.95, Math.max(0, profile.discountProb * r.float(0.6, 1.4))),
      returnRate: Math.min(0.8, Math.max(0, profile.returnRate * r.float(0.5, 1.5))),
      basketExtra: profile.basketExtra,
      restock: profile.restock,
      express: profile.express,
      purchaseTimes: times,
    };
  });

  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.email < b.email ? -1 : 1));
  const width = Math.max(4, String(count).length);
  drafts.forEach((d, i) => (d.id = `cus_${String(i + 1).padStart(width, '0')}`));
  return drafts;
}
