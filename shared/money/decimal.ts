import { Decimal as DecimalBase } from 'decimal.js';

/**
 * One Decimal constructor for the whole product: 60 significant digits, so that amounts of
 * any realistic size times units and rates stay exact, and half-up ("rekenkundig afronden")
 * as the rounding mode used by `toFixed` and `toDecimalPlaces`.
 */
export const Decimal = DecimalBase.clone({
  precision: 60,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Rounds half-up to `places` decimals (cents by default): 211.365 → 211.37, -0.005 → -0.01. */
export function halfUp(value: Decimal, places = 2): Decimal {
  return value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** An amount as the contract writes it: exactly two decimals, `.` as separator. */
export function formatAmount(value: Decimal): string {
  return halfUp(value).toFixed(2);
}

/** A rate or share with at least `min` and at most `max` decimals: 0.1 → "0.10", 0.0825 → "0.0825". */
export function formatRate(value: Decimal, min = 2, max = 4): string {
  const rounded = halfUp(value, max);
  return rounded.decimalPlaces() < min ? rounded.toFixed(min) : rounded.toFixed();
}

/** A JSON number at its shortest decimal representation: 0.1 is 0.1, not 0.1000000000000000055. */
export function decimalFromNumber(value: number): Decimal {
  return new Decimal(String(value));
}
