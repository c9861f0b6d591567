// Arbeidstijdenwet limits by age (GLOSSARY): adults 12 h a shift and 60 h a week, 16- and
// 17-year-olds 9 and 45, younger interns 7 and 35. Without a date of birth the student counts
// as an adult (SPEC §4); the engine notes that once.

import { ageOn, type EpochDay } from './dates.js';
import type { PlacementContext } from './types.js';

export interface WorkLimits {
  /** hours on one day (a shift) */
  day: number;
  /** hours in one week */
  week: number;
}

const ADULT: WorkLimits = { day: 12, week: 60 };
const MINOR: WorkLimits = { day: 9, week: 45 };
const YOUNG: WorkLimits = { day: 7, week: 35 };

/** The limits for a student of this age in whole years (the POK states those of the start). */
export function workLimitsAtAge(age: number): WorkLimits {
  return age >= 18 ? ADULT : age >= 16 ? MINOR : YOUNG;
}

function band(ctx: PlacementContext, day: EpochDay): WorkLimits {
  return day >= ctx.turns18 ? ADULT : day >= ctx.turns16 ? MINOR : YOUNG;
}

/** Maximum hours on one day: the age on that very day counts. */
export function dayMax(ctx: PlacementContext, day: EpochDay): number {
  return band(ctx, day).day;
}

/** Maximum hours in a week: the age on its Monday counts for the whole week. */
export function weekMax(ctx: PlacementContext, monday: EpochDay): number {
  return band(ctx, monday).week;
}

/** Whole years on `day`, null without a date of birth. Only computed for findings. */
export function ageAt(ctx: PlacementContext, day: EpochDay): number | null {
  return ctx.birth === null ? null : ageOn(ctx.birth, day);
}
