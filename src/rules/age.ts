// Arbeidstijdenwet limits by age (GLOSSARY): adults 12 h a shift and 60 h a week, 16- and
// 17-year-olds 9 and 45, younger interns 7 and 35. Without a date of birth the student counts
// as an adult (SPEC §4); the engine notes that once.

import { ageOn, type EpochDay } from './dates.js';
import type { PlacementContext } from './types.js';

function band<T>(ctx: PlacementContext, day: EpochDay, adult: T, minor: T, young: T): T {
  return day >= ctx.turns18 ? adult : day >= ctx.turns16 ? minor : young;
}

/** Maximum hours on one day: the age on that very day counts. */
export function dayMax(ctx: PlacementContext, day: EpochDay): number {
  return band(ctx, day, 12, 9, 7);
}

/** Maximum hours in a week: the age on its Monday counts for the whole week. */
export function weekMax(ctx: PlacementContext, monday: EpochDay): number {
  return band(ctx, monday, 60, 45, 35);
}

/** Whole years on `day`, null without a date of birth. Only computed for findings. */
export function ageAt(ctx: PlacementContext, day: EpochDay): number | null {
  return ctx.birth === null ? null : ageOn(ctx.birth, day);
}
