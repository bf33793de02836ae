// What a charge costs under a simulated tariff, so that a CDR's totals are the ones its tariff gives.
// For each dimension the first element that applies is used (as OCPI evaluates elements in order);
// only the restrictions the simulated plans use are understood (tariff-plans.ts).
import type { PlanElement } from './tariff-plans';

/** What was used in a charge. */
export interface Usage {
  /** Energy delivered, in Wh. */
  wh: number;
  chargingMinutes: number;
  parkingMinutes: number;
  /** The (constant) charging power, in kW. */
  powerKw: number;
}

/** A charge's cost by dimension, excluding VAT, each rounded to cents. */
export interface Cost {
  fixed: number;
  energy: number;
  time: number;
  parking: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function applies(element: PlanElement, usage: Usage): boolean {
  const { min_power, max_power } = element.restrictions ?? {};
  return (
    (min_power === undefined || usage.powerKw >= min_power) &&
    (max_power === undefined || usage.powerKw < max_power)
  );
}

/** The cost of `usage` under `elements` (none: a free charge). */
export function costOf(elements: readonly PlanElement[], usage: Usage): Cost {
  const priceOf = (type: string) => {
    for (const element of elements) {
      if (!applies(element, usage)) continue;
      const component = element.price_components.find((candidate) => candidate.type === type);
      if (component) return { price: component.price, after: (element.restrictions?.min_duration ?? 0) / 60 };
    }
    return undefined;
  };
  const flat = priceOf('FLAT');
  const energy = priceOf('ENERGY');
  const time = priceOf('TIME');
  const parking = priceOf('PARKING_TIME');
  return {
    fixed: round2(flat?.price ?? 0),
    energy: round2(((energy?.price ?? 0) * usage.wh) / 1000),
    // Time counts from the element's min_duration on (the blocking fees of the plans).
    time: round2(((time?.price ?? 0) * Math.max(0, usage.chargingMinutes - (time?.after ?? 0))) / 60),
    parking: round2(((parking?.price ?? 0) * usage.parkingMinutes) / 60),
  };
}

/** The sum of a cost's parts, in cents exactly. */
export function totalOf(cost: Cost): number {
  return round2(cost.fixed + cost.energy + cost.time + cost.parking);
}

/** `amount` with `vat` percent on top, rounded to cents. */
export function withVat(amount: number, vat: number): number {
  return round2(amount * (1 + vat / 100));
}

/** The minutes into a charge at which a tariff starts billing time: where a charging period ends. */
export function billingBoundaries(elements: readonly PlanElement[]): number[] {
  return elements.flatMap(({ restrictions }) =>
    restrictions?.min_duration === undefined ? [] : [restrictions.min_duration / 60],
  );
}
