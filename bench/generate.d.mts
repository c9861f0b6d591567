// Types for bench/generate.mjs (plain JavaScript, so benchmarks and tests in TypeScript can import it).

export interface GenerateOptions {
  /** Placements to write (default 100,000). */
  placements?: number;
  /** Timesheet rows to write (default 1,000,000), spread over the first `timesheetPlacements` placements. */
  timesheets?: number;
  /** PRNG seed (default 20261124): the same options give the same bytes. */
  seed?: number;
  /** Number of companies (default 5,000). */
  companies?: number;
  /** Number of praktijkopleiders (default 1,000). */
  praktijkopleiders?: number;
  /** How many placements get timesheets (default 25,000). */
  timesheetPlacements?: number;
}

export interface GenerateResult {
  out: string;
  placements: number;
  timesheets: number;
  placementsMs: number;
  timesheetsMs: number;
}

export const PLACEMENT_COLUMNS: readonly string[];
export const TIMESHEET_COLUMNS: readonly string[];
export const DEFAULTS: Required<GenerateOptions>;
export function createRng(seed: number): () => number;
export function company(c: number): { naam: string; kvk: string; vest: string; adres: string; postcode: string; plaats: string };
/** CSV lines (no line end) of the placements, canonical column order. */
export function placementLines(options?: GenerateOptions): Generator<string, void, undefined>;
/** CSV lines (no line end) of the timesheet rows, canonical column order. */
export function timesheetLines(options?: GenerateOptions): Generator<string, void, undefined>;
/** Streams a header and lines to a file; resolves with the number of lines written. */
export function writeLines(file: string, header: readonly string[], lines: Iterable<string>): Promise<number>;
/** Writes `out`/placements.csv and `out`/timesheets.csv (default out: bench/out). */
export function generate(options?: GenerateOptions & { out?: string }): Promise<GenerateResult>;
export const HERE: string;
