// Turns one placement's sorted entries into per-day and per-week totals in a single pass, so
// each rule walks a few dozen summaries instead of re-reading every entry.

import type { Holiday, IsoDate, Regio, Soort } from '../domain/types.js';
import { birthdayDay, isoWeekOfMonday, toCivil, toDay, weekday, type EpochDay } from './dates.js';
import { toUnits } from './hours.js';
import type { RuleSettings } from './settings.js';
import type {
  DaySummary,
  FutureDay,
  HolidayIndex,
  PlacementContext,
  PlacementInput,
  RuleEntry,
  WeekSummary,
} from './types.js';

export interface ContextEnv {
  asOf: EpochDay;
  settings: RuleSettings;
  holidays: HolidayIndex | null;
}

export function effectiveEnd(p: { einddatum: IsoDate; beeindigd_op: IsoDate | null }): IsoDate {
  return p.beeindigd_op ?? p.einddatum;
}

/** Holiday days of one region; null when the region is not set. */
export function indexHolidays(holidays: readonly Holiday[], regio: Regio | null): HolidayIndex | null {
  if (regio === null) return null;
  const index = new Map<EpochDay, string>();
  for (const h of holidays) {
    if (h.regio !== regio) continue;
    const last = toDay(h.eind);
    for (let d = toDay(h.begin); d <= last; d++) if (!index.has(d)) index.set(d, h.naam);
  }
  return index;
}

function isSorted(entries: readonly RuleEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1]!.datum > entries[i]!.datum) return false;
  return true;
}

function newWeek(monday: EpochDay): WeekSummary {
  return {
    monday,
    week: isoWeekOfMonday(monday),
    worked: 0,
    concept: 0,
    ingediend: 0,
    correctie: 0,
    notApproved: 0,
    notApprovedHours: 0,
    notApprovedWorked: 0,
    lateApproved: 0,
    lastApprovedOn: null,
  };
}

export function buildContext(p: PlacementInput, env: ContextEnv): PlacementContext {
  const entries = isSorted(p.entries) ? p.entries : [...p.entries].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
  const days: DaySummary[] = [];
  const weeks: WeekSummary[] = [];
  const future: FutureDay[] = [];
  let dayRow: DaySummary | null = null;
  let weekRow: WeekSummary | null = null;
  let futureRow: FutureDay | null = null;
  let lastDate = '';
  let day = 0;

  for (const e of entries) {
    if (e.datum !== lastDate) {
      day = toDay(e.datum);
      lastDate = e.datum;
    }
    const units = toUnits(e.uren);
    if (day > env.asOf) {
      if (futureRow === null || futureRow.day !== day) {
        futureRow = { day, date: e.datum, hours: 0, soorten: [] };
        future.push(futureRow);
      }
      futureRow.hours += units;
      if (!futureRow.soorten.includes(e.soort)) futureRow.soorten.push(e.soort);
      continue;
    }
    if (dayRow === null || dayRow.day !== day) {
      dayRow = { day, date: e.datum, worked: 0, workedApproved: 0, workedCountable: 0, onlyZiek: true };
      days.push(dayRow);
      const monday = day - weekday(day);
      if (weekRow === null || weekRow.monday !== monday) {
        weekRow = newWeek(monday);
        weeks.push(weekRow);
      }
    }
    const w: WeekSummary = weekRow!;
    const soort: Soort = e.soort;
    if (soort !== 'ziek') dayRow.onlyZiek = false;
    if (soort === 'gewerkt') {
      dayRow.worked += units;
      w.worked += units;
      if (e.status === 'goedgekeurd') dayRow.workedApproved += units;
      if (e.status !== 'correctie') dayRow.workedCountable += units;
    }
    switch (e.status) {
      case 'concept':
        w.concept++;
        break;
      case 'ingediend':
        w.ingediend++;
        break;
      case 'correctie':
        w.correctie++;
        break;
      case 'goedgekeurd': {
        // Only a current approval has a meaningful date; a replaced entry may keep a stale one.
        if (e.goedgekeurd_op !== null) {
          const on = toDay(e.goedgekeurd_op);
          if (on > w.monday + 7) w.lateApproved++;
          if (w.lastApprovedOn === null || on > w.lastApprovedOn) w.lastApprovedOn = on;
        }
        break;
      }
    }
    if (e.status !== 'goedgekeurd') {
      w.notApproved++;
      w.notApprovedHours += units;
      if (soort === 'gewerkt') w.notApprovedWorked += units;
    }
  }

  const birth = p.geboortedatum === null ? null : toCivil(p.geboortedatum);
  return {
    placement: p,
    entries,
    asOf: env.asOf,
    start: toDay(p.startdatum),
    end: toDay(p.einddatum),
    effectiveEnd: toDay(effectiveEnd(p)),
    birth,
    turns16: birth === null ? -Infinity : birthdayDay(birth, 16),
    turns18: birth === null ? -Infinity : birthdayDay(birth, 18),
    days,
    weeks,
    future,
    settings: env.settings,
    holidays: env.holidays,
  };
}

