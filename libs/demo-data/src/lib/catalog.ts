import type { Currency, Product, ProductCategory } from './types';

/** Display names of the categories (as a merchant would show them). */
export const CATEGORY_LABELS: Record<ProductCategory, string> = {
  apparel: 'Apparel',
  footwear: 'Footwear',
  home: 'Home',
  kitchen: 'Kitchen',
  beauty: 'Beauty',
  electronics_accessories: 'Electronics Accessories',
  outdoor: 'Outdoor',
  toys: 'Toys & Games',
};

const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SHOE_SIZES = ['US 6', 'US 7', 'US 8', 'US 9', 'US 10', 'US 11', 'US 12'];

interface ProductSeed {
  title: string;
  price: number;
  variants?: string[];
  details: string;
  /** Relative sales weight inside the category. */
  popularity: number;
  /** Bought in multiples and re-bought often (coffee, skincare…). */
  consumable?: boolean;
}

const SEEDS: Record<ProductCategory, { prefix: string; items: ProductSeed[] }> = {
  apparel: {
    prefix: 'APP',
    items: [
      { title: 'Organic Cotton Crew Tee', price: 28, variants: APPAREL_SIZES, details: '100% GOTS-certified organic cotton, 180 gsm, pre-shrunk, regular fit', popularity: 10 },
      { title: 'Merino Wool Crewneck Sweater', price: 89, variants: APPAREL_SIZES, details: '100% extra-fine merino, hand wash cold or wool cycle, true to size', popularity: 6 },
      { title: 'Relaxed Linen Shirt', price: 64, variants: APPAREL_SIZES, details: '100% European flax linen, relaxed fit (size down for a closer fit), machine washable at 30°C', popularity: 5 },
      { title: 'Everyday Stretch Chinos', price: 72, variants: ['28', '30', '32', '34', '36', '38'], details: '98% cotton / 2% elastane, 32" inseam, slim-straight leg', popularity: 7 },
      { title: 'Recycled Fleece Quarter-Zip', price: 58, variants: APPAREL_SIZES, details: 'made from 100% recycled polyester fleece, runs slightly large', popularity: 6 },
      { title: 'Packable Waterproof Rain Jacket', price: 129, variants: APPAREL_SIZES, details: '2.5-layer waterproof shell (10k/10k), taped seams, packs into its own pocket', popularity: 5 },
      { title: 'High-Rise Yoga Leggings', price: 54, variants: APPAREL_SIZES, details: '75% recycled nylon / 25% spandex, squat-proof, 25" inseam', popularity: 8 },
      { title: 'Heavyweight Cotton Hoodie', price: 68, variants: APPAREL_SIZES, details: '400 gsm brushed-back cotton, oversized fit', popularity: 7 },
      { title: 'Cable-Knit Beanie', price: 26, variants: ['Oatmeal', 'Charcoal', 'Forest'], details: '50% wool / 50% acrylic, one size fits most', popularity: 4 },
    ],
  },
  footwear: {
    prefix: 'FTW',
    items: [
      { title: 'Classic Leather Sneakers', price: 110, variants: SHOE_SIZES, details: 'full-grain leather upper, rubber cupsole, true to size', popularity: 9 },
      { title: 'Trail Running Shoes', price: 135, variants: SHOE_SIZES, details: 'Vibram outsole, 6 mm drop, runs half a size small', popularity: 6 },
      { title: 'Suede Chelsea Boots', price: 165, variants: SHOE_SIZES, details: 'water-repellent suede, stacked heel, order your usual size', popularity: 4 },
      { title: 'Wool Runners', price: 98, variants: SHOE_SIZES, details: 'merino wool upper, machine washable, no half sizes — size up if between sizes', popularity: 7 },
      { title: 'Cork Footbed Sandals', price: 75, variants: SHOE_SIZES, details: 'contoured cork footbed, adjustable buckle straps', popularity: 5 },
      { title: 'Waterproof Hiking Boots', price: 179, variants: SHOE_SIZES, details: 'waterproof membrane, ankle support, true to size with hiking socks', popularity: 4 },
      { title: 'Memory Foam Slippers', price: 42, variants: ['S', 'M', 'L'], details: 'memory foam insole, faux-shearling lining, indoor/outdoor sole', popularity: 6 },
    ],
  },
  home: {
    prefix: 'HOM',
    items: [
      { title: 'Stonewashed Linen Duvet Cover', price: 189, variants: ['Full/Queen', 'King'], details: '100% stonewashed linen, corner ties, button closure', popularity: 4 },
      { title: 'Waffle Knit Throw Blanket', price: 79, variants: ['Cream', 'Sage', 'Terracotta'], details: '100% cotton waffle knit, 50" x 70"', popularity: 7 },
      { title: 'Ceramic Table Lamp', price: 119, details: 'hand-glazed ceramic base, linen shade, E26 bulb up to 60W (not included)', popularity: 4 },
      { title: 'Cedar & Sage Soy Candle', price: 32, details: '100% soy wax, cotton wick, about 50 hours burn time', popularity: 9, consumable: true },
      { title: 'Turkish Cotton Towel Set', price: 68, variants: ['White', 'Stone', 'Navy'], details: '2 bath + 2 hand towels, 600 gsm Turkish cotton', popularity: 6 },
      { title: 'Handwoven Jute Rug 5x8', price: 249, details: '100% natural jute, handwoven, use a rug pad on hard floors', popularity: 3 },
      { title: 'Blackout Curtain Panels (Set of 2)', price: 84, variants: ['84"', '96"'], details: 'triple-weave blackout, 52" wide each, rod pocket', popularity: 5 },
      { title: 'Recycled Glass Vase Set', price: 44, details: 'set of 3, mouth-blown recycled glass', popularity: 4 },
    ],
  },
  kitchen: {
    prefix: 'KIT',
    items: [
      { title: 'Enameled Cast Iron Dutch Oven 5.5 qt', price: 159, variants: ['Cherry', 'Navy', 'Cream'], details: 'enameled cast iron, oven safe to 500°F, works on induction; hand wash recommended', popularity: 5 },
      { title: "8\" Chef's Knife", price: 95, details: 'German stainless steel (X50CrMoV15), full tang, hand wash only', popularity: 6 },
      { title: 'Pour-Over Coffee Set', price: 58, details: 'borosilicate glass carafe + stainless steel reusable filter, dishwasher safe', popularity: 5 },
      { title: 'Bamboo Cutting Board Set', price: 39, details: 'set of 3 organic bamboo boards, oil monthly, not dishwasher safe', popularity: 6 },
      { title: 'Insulated Steel Bottle 24 oz', price: 34, variants: ['Black', 'Sand', 'Sea Glass'], details: 'double-wall vacuum insulated, cold 24 h / hot 12 h, lid is top-rack dishwasher safe', popularity: 9 },
      { title: '10" Ceramic Nonstick Skillet', price: 64, details: 'PFAS-free ceramic coating, oven safe to 450°F, induction compatible', popularity: 6 },
      { title: 'Glass Meal Prep Containers (10 pc)', price: 42, details: 'borosilicate glass, microwave/oven/dishwasher safe, lids are BPA-free', popularity: 5 },
      { title: 'Single-Origin Coffee Beans 12 oz', price: 18, variants: ['Whole bean', 'Ground'], details: 'medium roast, roasted to order, best within 4 weeks of roast date', popularity: 10, consumable: true },
      { title: 'Loose Leaf Tea Sampler', price: 24, details: '6 tins of organic loose leaf tea, about 15 cups each', popularity: 5, consumable: true },
    ],
  },
  beauty: {
    prefix: 'BTY',
    items: [
      { title: 'Vitamin C Brightening Serum', price: 38, details: '15% L-ascorbic acid, 30 ml, fragrance-free, use within 6 months of opening', popularity: 9, consumable: true },
      { title: 'Hyaluronic Acid Moisturizer', price: 42, details: 'for all skin types, 50 ml, fragrance-free, non-comedogenic', popularity: 8, consumable: true },
      { title: 'Mineral Sunscreen SPF 50', price: 28, details: 'zinc oxide, reef-safe, 75 ml, water resistant 40 min', popularity: 8, consumable: true },
      { title: 'Gentle Foaming Cleanser', price: 22, details: 'sulfate-free, pH balanced, 150 ml', popularity: 8, consumable: true },
      { title: 'Lavender Body Wash', price: 16, details: 'plant-based, 400 ml, essential-oil scented', popularity: 7, consumable: true },
      { title: 'Nourishing Hair Oil', price: 34, details: 'argan + jojoba, 50 ml, silicone-free', popularity: 5, consumable: true },
      { title: 'Tinted Lip Balm Trio', price: 19, details: 'three shades, shea butter + beeswax', popularity: 6, consumable: true },
      { title: 'Jade Facial Roller', price: 29, details: 'genuine jade stone, dual roller, comes with a pouch', popularity: 4 },
    ],
  },
  electronics_accessories: {
    prefix: 'ELC',
    items: [
      { title: '65W USB-C GaN Charger', price: 45, details: '65 W USB-C PD, two ports, charges most USB-C laptops, phones and tablets; US plug only', popularity: 8 },
      { title: 'Braided USB-C Cable 2-Pack', price: 19, details: '6 ft, 100 W, USB-C to USB-C, supports data at 480 Mbps', popularity: 9, consumable: true },
      { title: 'Wireless Charging Pad', price: 35, details: 'Qi certified, 15 W max, works through cases up to 5 mm', popularity: 6 },
      { title: 'Noise-Cancelling Earbuds', price: 129, variants: ['Black', 'White'], details: 'active noise cancelling, 8 h battery (32 h with case), Bluetooth 5.3, IPX4', popularity: 6 },
      { title: 'MagSafe-Compatible Phone Case', price: 39, variants: ['iPhone 15', 'iPhone 15 Pro', 'iPhone 16', 'iPhone 16 Pro'], details: 'built-in magnets, 8 ft drop tested, fits the listed models only', popularity: 7 },
      { title: '20,000 mAh Power Bank', price: 59, details: '20,000 mAh, 30 W USB-C PD, airline carry-on friendly', popularity: 6 },
      { title: '14" Laptop Sleeve', price: 49, variants: ['13"', '14"', '16"'], details: 'recycled felt with leather trim, fits most 14" laptops up to 12.6" x 8.9"', popularity: 4 },
      { title: 'Portable Bluetooth Speaker', price: 79, details: '12 h battery, IP67 waterproof, pairs two speakers for stereo', popularity: 5 },
    ],
  },
  outdoor: {
    prefix: 'OUT',
    items: [
      { title: 'Ultralight 2-Person Tent', price: 299, details: '1.4 kg trail weight, freestanding, 3-season, seam-sealed', popularity: 3 },
      { title: 'Down Sleeping Bag 20°F', price: 219, variants: ['Regular', 'Long'], details: '650-fill responsibly sourced down, comfort rating 28°F', popularity: 3 },
      { title: '30L Hiking Daypack', price: 89, details: '30 L, ventilated back panel, hydration sleeve, rain cover included', popularity: 6 },
      { title: 'Insulated Camp Mug', price: 24, details: '12 oz, vacuum insulated stainless steel, press-fit lid', popularity: 7 },
      { title: 'Carbon Trekking Poles (Pair)', price: 69, details: 'carbon fiber, flick-lock adjustable 105–135 cm', popularity: 4 },
      { title: '300 Lumen Headlamp', price: 32, details: 'USB-C rechargeable, red light mode, IPX4', popularity: 6 },
      { title: 'Packable Camping Hammock', price: 49, details: 'parachute nylon, holds up to 400 lb, straps included', popularity: 5 },
    ],
  },
  toys: {
    prefix: 'TOY',
    items: [
      { title: 'Wooden Building Blocks (100 pc)', price: 48, details: 'FSC beech wood, water-based paints, ages 2+', popularity: 6 },
      { title: 'Plush Sloth', price: 24, details: '14", surface washable, ages 0+', popularity: 7 },
      { title: 'STEM Robot Building Kit', price: 89, details: 'ages 8+, needs 4 AA batteries (not included), app works on iOS and Android', popularity: 5 },
      { title: 'Coastal Village 1000-Piece Puzzle', price: 26, details: '1000 pieces, 27" x 20" finished, recycled board', popularity: 6 },
      { title: 'Magnetic Tiles Set (64 pc)', price: 79, details: '64 tiles, food-grade ABS, ages 3+', popularity: 6 },
      { title: "Kids' Art Easel", price: 69, details: 'double-sided chalk/whiteboard, paper roll included, some assembly (about 20 min)', popularity: 3 },
      { title: 'Family Strategy Board Game', price: 44, details: '2–5 players, ages 10+, about 45 min per game', popularity: 5 },
    ],
  },
};

/** Approximate retail conversion used for the EUR / GBP price lists. */
const FX: Record<Currency, number> = { USD: 1, EUR: 0.93, GBP: 0.79 };

function toCents(major: number): number {
  return Math.round(major * 100);
}

/** Price point in cents: USD keeps the list price minus one cent; others end in .99. */
function pricePoint(usd: number, currency: Currency): number {
  if (currency === 'USD') return toCents(usd) - 1;
  return Math.ceil(usd * FX[currency]) * 100 - 1;
}

export interface CatalogEntry extends Product {
  popularity: number;
  consumable: boolean;
  /** Price in cents per currency (what orders are built from). */
  priceCents: Record<Currency, number>;
}

function buildCatalog(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const category of Object.keys(SEEDS) as ProductCategory[]) {
    const { prefix, items } = SEEDS[category];
    items.forEach((seed, i) => {
      const priceCents: Record<Currency, number> = {
        USD: pricePoint(seed.price, 'USD'),
        EUR: pricePoint(seed.price, 'EUR'),
        GBP: pricePoint(seed.price, 'GBP'),
      };
      out.push({
        sku: `${prefix}-${1001 + i}`,
        title: seed.title,
        category,
        price: priceCents.USD / 100,
        prices: { USD: priceCents.USD / 100, EUR: priceCents.EUR / 100, GBP: priceCents.GBP / 100 },
        variants: seed.variants ?? [],
        details: seed.details,
        popularity: seed.popularity,
        consumable: seed.consumable ?? false,
        priceCents,
      });
    });
  }
  return out;
}

/** The full catalogue with generator-only fields (popularity, cents). */
export const CATALOG: readonly CatalogEntry[] = buildCatalog();

/** The catalogue as exposed in `DemoStore.products`. */
export function publicProducts(): Product[] {
  return CATALOG.map(({ sku, title, category, price, prices, variants, details }) => ({
    sku,
    title,
    category,
    price,
    prices: { ...prices },
    variants: [...variants],
    details,
  }));
}

export const CATALOG_BY_CATEGORY: Readonly<Record<ProductCategory, readonly CatalogEntry[]>> =
  (() => {
    const map = {} as Record<ProductCategory, CatalogEntry[]>;
    for (const p of CATALOG) (map[p.category] ??= []).push(p);
    return map;
  })();

export const CATALOG_BY_SKU: ReadonlyMap<string, CatalogEntry> = new Map(
  CATALOG.map((p) => [p.sku, p]),
);
