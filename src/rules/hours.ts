// Hours arrive as binary doubles (7.5, 8.25, sometimes 7.33). Summing doubles can turn
// 32.000000000000004 into an overwerk finding that does not exist, or hide one at the edge.
// Every sum and comparison therefore runs on integer units of 1/10000 hour (0.36 s): exact for
// every value the import accepts, and still far inside Number.MAX_SAFE_INTEGER for sums.

export const UNITS_PER_HOUR = 10_000;

export function toUnits(hours: number): number {
  return Math.round(hours * UNITS_PER_HOUR);
}

export function toHours(units: number): number {
  return units / UNITS_PER_HOUR;
}
