// The simulated CPO's tariffs, version-neutral: a few plans for AC and for DC with prices set in euros,
// converted to the CPO's currency. Their restrictions are only of the kinds tariff-cost.ts prices
// exactly (charging power, and a charging time after which time is billed).
import type { TariffDimensionType, TariffType } from '../../v221';
import type { CurrentKind } from './location-parts';
import type { Random } from './random';
import { recentTimestamp } from './seed-time';

/** A price component: a price per unit of its dimension (per kWh, per hour, or per session). */
export interface PlanComponent {
  type: TariffDimensionType;
  price: number;
  step_size: number;
}

/** A tariff element, in the shape both versions share. */
export interface PlanElement {
  price_components: PlanComponent[];
  restrictions?: { min_power?: number; max_power?: number; min_duration?: number };
}

/** A tariff plan: its code, the current it is for, its 2.2.1 type and its elements (euros). */
export interface TariffPlan {
  code: string;
  kind: CurrentKind;
  type: TariffType;
  elements: PlanElement[];
}

const energy = (price: number): PlanComponent => ({ type: 'ENERGY', price, step_size: 1 });
const flat = (price: number): PlanComponent => ({ type: 'FLAT', price, step_size: 1 });
const time = (price: number): PlanComponent => ({ type: 'TIME', price, step_size: 60 });
const parking = (price: number): PlanComponent => ({ type: 'PARKING_TIME', price, step_size: 60 });

/** The plans, AC and DC in turn: the first `n` tariffs of a CPO use the first `n` plans. */
export const TARIFF_PLANS: readonly TariffPlan[] = [
  { code: 'STD', kind: 'AC', type: 'REGULAR', elements: [{ price_components: [energy(0.39)] }] },
  {
    code: 'FAST',
    kind: 'DC',
    type: 'REGULAR',
    elements: [
      { price_components: [energy(0.59)] },
      // A blocking fee: after 45 minutes, charging time costs too.
      { price_components: [time(6)], restrictions: { min_duration: 2_700 } },
    ],
  },
  {
    code: 'FLEX',
    kind: 'AC',
    type: 'REGULAR',
    elements: [{ price_components: [flat(0.5)] }, { price_components: [energy(0.35), time(1.2)] }],
  },
  {
    code: 'HPC',
    kind: 'DC',
    type: 'PROFILE_FAST',
    elements: [
      { price_components: [energy(0.69)], restrictions: { min_power: 50 } },
      { price_components: [energy(0.49)] },
    ],
  },
  { code: 'GREEN', kind: 'AC', type: 'PROFILE_GREEN', elements: [{ price_components: [energy(0.45)] }] },
  {
    code: 'FLEX',
    kind: 'DC',
    type: 'REGULAR',
    elements: [{ price_components: [flat(1)] }, { price_components: [energy(0.52)] }],
  },
  {
    code: 'CITY',
    kind: 'AC',
    type: 'REGULAR',
    elements: [{ price_components: [energy(0.42)] }, { price_components: [parking(3)] }],
  },
  {
    code: 'ECO',
    kind: 'DC',
    type: 'PROFILE_CHEAP',
    elements: [
      { price_components: [energy(0.45)] },
      { price_components: [time(3)], restrictions: { min_duration: 1_800 } },
    ],
  },
];

/** What a CPO charges in: its currency, its VAT rate (percent) and how many units a euro buys. */
export interface Money {
  currency: string;
  vat: number;
  perEuro: number;
}

/** A tariff of the simulated CPO, before it takes a version's shape. */
export interface SeedTariff {
  id: string;
  kind: CurrentKind;
  type: TariffType;
  elements: PlanElement[];
  /** A short description in English, with the prices. */
  text: string;
  last_updated: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** `count` tariffs in `money`'s currency, plans taken in turn (the ids of repeats get a number). */
export function seedTariffs(count: number, money: Money, random: Random, now: number): SeedTariff[] {
  return Array.from({ length: count }, (_, index) => {
    const plan = TARIFF_PLANS[index % TARIFF_PLANS.length] as TariffPlan;
    const round = Math.floor(index / TARIFF_PLANS.length);
    const elements = plan.elements.map((element) => ({
      ...element,
      price_components: element.price_components.map((component) => ({
        ...component,
        price: round2(component.price * money.perEuro * (1 + round * 0.05)),
      })),
    }));
    return {
      id: `${plan.kind}-${plan.code}${round > 0 ? `-${round + 1}` : ''}`,
      kind: plan.kind,
      type: plan.type,
      elements,
      text: describe(elements, money.currency),
      last_updated: recentTimestamp(random, now),
    };
  });
}

function describe(elements: readonly PlanElement[], currency: string): string {
  const parts = elements.flatMap(({ price_components, restrictions }) =>
    price_components.map(({ type, price }) => {
      const amount = `${price.toFixed(2)} ${currency}`;
      const power =
        restrictions?.min_power !== undefined
          ? ` from ${restrictions.min_power} kW`
          : restrictions?.max_power !== undefined
            ? ` below ${restrictions.max_power} kW`
            : '';
      const after =
        restrictions?.min_duration !== undefined ? ` after ${restrictions.min_duration / 60} minutes` : '';
      if (type === 'FLAT') return `${amount} per session`;
      if (type === 'ENERGY') return `${amount} per kWh${power}`;
      if (type === 'TIME') return `${amount} per hour of charging${after}`;
      return `${amount} per hour parked after charging`;
    }),
  );
  return `${parts.join(', ')}, excl. VAT`;
}
