// A simulated charge: how long the car charged and stood, at what power, how much energy it took, cut
// into charging periods where the tariff changes what it bills. Whole minutes and whole Wh, so that the
// periods add up to the totals.
import type { Random } from './random';

/** A stretch of a charge with the same billing. */
export interface ChargePeriod {
  start: number;
  parking: boolean;
  minutes: number;
  wh: number;
}

/** A charge from `start` to `end` (ms). */
export interface Charge {
  start: number;
  end: number;
  powerKw: number;
  chargingMinutes: number;
  parkingMinutes: number;
  wh: number;
  periods: ChargePeriod[];
}

/** The most a Connector delivers, in kW, from its power type and amperage (230 V per phase, or DC). */
export function connectorKw(powerType: string, voltage: number, amperage: number): number {
  if (powerType === 'DC') return (voltage * amperage) / 1000;
  return ((powerType === 'AC_3_PHASE' ? 3 : 1) * 230 * amperage) / 1000;
}

/** The power a car draws from a Connector: what its on-board charger or battery takes, at most the Connector's. */
export function chargingPower(random: Random, powerType: string, connectorMaxKw: number): number {
  const car =
    powerType === 'DC'
      ? random.pick([50, 75, 100, 150])
      : powerType === 'AC_3_PHASE'
        ? random.pick([7.4, 11, 11, 22])
        : 3.7;
  return Math.min(car, Math.round(connectorMaxKw * 10) / 10);
}

/**
 * A charge at `powerKw`: ACTIVE ones started minutes or hours before `now` and are still charging;
 * COMPLETED ones ended between `from` and `to`. `boundaries` are the minutes at which the tariff starts
 * billing something else (a new charging period).
 */
export function simulateCharge(
  random: Random,
  options: {
    powerKw: number;
    dc: boolean;
    active: boolean;
    now: number;
    from: number;
    to: number;
    boundaries: readonly number[];
  },
): Charge {
  const { powerKw, dc, active, now } = options;
  const chargingMinutes = active ? random.int(3, dc ? 40 : 240) : random.int(dc ? 12 : 30, dc ? 55 : 300);
  const parkingMinutes = !active && !dc && random.chance(0.35) ? random.int(5, 120) : 0;
  const duration = (chargingMinutes + parkingMinutes) * 60_000;
  let start: number;
  if (active) {
    start = now - duration - random.int(0, 120) * 1000;
  } else {
    const room = Math.max(0, options.to - options.from - duration);
    start = Math.floor((options.from + duration + random.next() * room) / 1000) * 1000 - duration;
  }
  const efficiency = 0.8 + random.next() * 0.17;
  const wh = Math.round(((powerKw * efficiency * chargingMinutes) / 60) * 1000);
  const cuts = [
    ...options.boundaries.filter((minute) => minute > 0 && minute < chargingMinutes),
    chargingMinutes,
  ];
  const periods: ChargePeriod[] = [];
  let done = 0;
  let whDone = 0;
  for (const cut of cuts) {
    const minutes = cut - done;
    const last = cut === chargingMinutes;
    const share = last ? wh - whDone : Math.round((wh * minutes) / chargingMinutes);
    periods.push({ start: start + done * 60_000, parking: false, minutes, wh: share });
    done = cut;
    whDone += share;
  }
  if (parkingMinutes > 0) {
    periods.push({ start: start + chargingMinutes * 60_000, parking: true, minutes: parkingMinutes, wh: 0 });
  }
  return { start, end: start + duration, powerKw, chargingMinutes, parkingMinutes, wh, periods };
}
