// The monthly report as data (SPEC §6). The domain builds these; the JSON, CSV and PDF
// renderers only read them. Fields beyond the JSON of SPEC §6 (the company, the effective end,
// each week's days) are what the people's formats need besides it; `reportJson` picks the
// SPEC's keys, in the SPEC's order.

import type { EndReason, Finding, IsoDate } from '../domain/types.js';
import type { PokState } from './pok.js';

/** Least advanced first: a week's status is the lowest rank among its entries in the month. */
export const WEEK_STATUSES = ['correctie', 'concept', 'wacht-op-akkoord', 'goedgekeurd'] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number] | 'leeg';

export interface Hours {
  gewerkt: number;
  ziek: number;
  afwezig: number;
  verlof: number;
}

export interface ReportWeek extends Hours {
  /** `YYYY-Www` */
  week: string;
  /** the week's first and last day inside both the month and the placement's period */
  van: IsoDate;
  tot: IsoDate;
  status: WeekStatus;
}

export interface ReportPlacement {
  placement: string;
  student: string;
  naam: string;
  /** achternaam voornaam: the order of a Dutch list of names (not in the JSON) */
  sorteernaam: string;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: string;
  leerbedrijf: string;
  startdatum: IsoDate;
  einddatum: IsoDate;
  /** einddatum, or the day the BPV was broken off */
  effectieve_einddatum: IsoDate;
  beeindigd_reden: EndReason | null;
  uren_per_week: number;
  /** null only when the report was built without POK states (the CSV has no POK column) */
  pok: PokState | null;
  weeks: ReportWeek[];
  totals: Hours;
  /** approved worked hours from startdatum up to the month's end or the effective end */
  goedgekeurd_tot_maandeinde: number;
  /** the day those approved hours are counted up to */
  goedgekeurd_tot: IsoDate;
  uren_totaal: number;
  /** goedgekeurd_tot_maandeinde / uren_totaal × 100, one decimal, not capped */
  percentage: number;
  findings: Finding[];
  actions: string[];
}

export interface PoReport {
  /** `YYYY-MM` */
  month: string;
  praktijkopleider: { naam: string; email: string };
  /** the companies of the placements in this report, by name, each once */
  leerbedrijven: string[];
  placements: ReportPlacement[];
}

/** One object of the `--format json` array, exactly as SPEC §6 lists its keys. */
export function reportJson(r: PoReport): unknown {
  return {
    month: r.month,
    praktijkopleider: { naam: r.praktijkopleider.naam, email: r.praktijkopleider.email },
    placements: r.placements.map((p) => ({
      placement: p.placement,
      student: p.student,
      naam: p.naam,
      opleiding: p.opleiding,
      startdatum: p.startdatum,
      einddatum: p.einddatum,
      // besides SPEC's keys: a BPV broken off shows it, with the names of `placements --json`
      effectieve_einddatum: p.effectieve_einddatum,
      beeindigd_reden: p.beeindigd_reden,
      uren_per_week: p.uren_per_week,
      pok: p.pok,
      weeks: p.weeks.map((w) => ({ week: w.week, gewerkt: w.gewerkt, ziek: w.ziek, afwezig: w.afwezig, verlof: w.verlof, status: w.status })),
      totals: { gewerkt: p.totals.gewerkt, ziek: p.totals.ziek, afwezig: p.totals.afwezig, verlof: p.totals.verlof },
      goedgekeurd_tot_maandeinde: p.goedgekeurd_tot_maandeinde,
      uren_totaal: p.uren_totaal,
      percentage: p.percentage,
      findings: p.findings,
      actions: p.actions,
    })),
  };
}
