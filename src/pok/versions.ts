// POK versions and signatures (SPEC §5). A version is recorded per generation that changed
// anything: the data it holds (pok_versions.data_json), the hash of that data, the generation
// date and the SHA-256 of the PDF. Generating again with the same data and template gives the
// same version, rendered from the stored data and date, so the file is byte-identical.
// Signatures belong to one version; a newer version starts with none.
//
// Everything here returns data and throws PokError; nothing prints or exits. pdfkit is only
// reached through a dynamic import, when a PDF is actually rendered.

import { audit } from '../db/audit.js';
import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import type { IsoDate } from '../domain/types.js';
import { PokError } from './errors.js';
import {
  canonicalJson,
  isRecognised,
  loadAllPokSources,
  loadPokSources,
  loadPokSource,
  missingPokFields,
  pokDataHash,
  POK_PARTIES,
  requiredParties,
  sha256Hex,
  workLimitsAtStart,
  type PlacementPokSource,
  type PokData,
  type PokParty,
} from './data.js';
import { isIsoDate } from './format.js';
import { loadPokTemplate, type PokTemplate } from './template.js';
import type { PokMessageKey, PokMessageParams } from '../i18n/pok.js';
import { pokMessage } from '../i18n/pok.js';
import type { PokCopy } from './render.js';

/** Something the user should read about a generation that went ahead anyway. */
export interface PokNotice {
  code: PokMessageKey;
  params: PokMessageParams;
  /** In the language of this run; `pokMessage(code, params, lang)` gives another. */
  message: string;
}

function notice(code: PokMessageKey, params: PokMessageParams): PokNotice {
  return { code, params, message: pokMessage(code, params) };
}

export interface PokGenerateOptions {
  /** The generation date of a new version (the CLI passes today). */
  today: IsoDate;
  /** Default: the shipped templates/pok.md. */
  template?: PokTemplate;
  /** Generate although the company is not recognised for the crebo. */
  force?: boolean;
  /** Also render the three copies as separate files. */
  split?: boolean;
  /** PDF/A-2b (default true). */
  pdfa?: boolean;
}

export interface PokGenerated {
  status: 'generated' | 'unchanged';
  placement: string;
  student: string;
  version: number;
  generated: IsoDate;
  /** SHA-256 of `pdf`, as recorded for the version. */
  sha256: string;
  /** The three copies in one file: the document of record. */
  pdf: Buffer;
  /** With `split`: the same copies as three files. */
  split: Record<PokCopy, Buffer> | null;
  /** Suggested file names (SPEC §5), safe on every file system. */
  files: { pdf: string; split: Record<PokCopy, string> };
  /** A new version made this older one's signatures void. */
  superseded: number | null;
  notices: PokNotice[];
}

export interface PokRefused {
  status: 'refused';
  placement: string;
  student: string | null;
  reason: 'missing' | 'not-recognised' | 'unknown-placement';
  /** Every missing field (reason `missing`), named as in the template and settings. */
  missing: string[];
  code: PokMessageKey;
  params: PokMessageParams;
  message: string;
}

export type PokGenerateResult = PokGenerated | PokRefused;

/** What will be rendered and recorded; made in the main thread, rendered anywhere. */
export interface PokPlan {
  placementRowId: number;
  placement: string;
  student: string;
  data: PokData;
  dataHash: string;
  template: PokTemplate;
  version: number;
  generatedOn: IsoDate;
  /** The latest version already holds this data and template: render it again, record nothing. */
  reuse: boolean;
  /** The SHA-256 recorded for the reused version. */
  recordedSha256: string | null;
  /** The latest version when the plan was made, to notice a concurrent generation. */
  latestVersion: number | null;
  notices: PokNotice[];
}

interface VersionRow {
  placement_id: number;
  version: number;
  generated_on: string;
  sha256: string;
  data_hash: string;
  data_json: string;
}

/** What pok_versions.data_json holds. */
interface StoredPok {
  data: PokData;
  template_sha256: string;
}

function latestVersion(db: Database.Database, placementRowId: number): VersionRow | undefined {
  return db
    .prepare('SELECT * FROM pok_versions WHERE placement_id = ? ORDER BY version DESC LIMIT 1')
    .get(placementRowId) as VersionRow | undefined;
}

function safeFilePart(s: string): string {
  // plaatsing_id and studentnummer come from a CSV: keep them from making paths or bad names
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

export function pokFileNames(studentnummer: string, plaatsingId: string): PokGenerated['files'] {
  const base = `POK-${safeFilePart(studentnummer)}-${safeFilePart(plaatsingId)}`;
  return {
    pdf: `${base}.pdf`,
    split: {
      student: `${base}-student.pdf`,
      leerbedrijf: `${base}-leerbedrijf.pdf`,
      onderwijsinstelling: `${base}-onderwijsinstelling.pdf`,
    },
  };
}

function refused(
  src: PlacementPokSource | null,
  placement: string,
  reason: PokRefused['reason'],
  code: PokMessageKey,
  params: PokMessageParams,
  missing: string[] = [],
): PokRefused {
  return {
    status: 'refused',
    placement,
    student: src?.data.student.studentnummer ?? null,
    reason,
    missing,
    code,
    params,
    message: pokMessage(code, params),
  };
}

/**
 * Decides what generating the POK of one placement means: refused (missing data, not
 * recognised), the same version again, or a new one. Reads only.
 */
export function planPok(
  db: Database.Database,
  plaatsingId: string,
  opts: PokGenerateOptions,
  source?: PlacementPokSource,
): PokPlan | PokRefused {
  if (!isIsoDate(opts.today)) throw new PokError('date-invalid', { date: opts.today });
  const src = source ?? loadPokSource(db, plaatsingId);
  if (!src) return refused(null, plaatsingId, 'unknown-placement', 'placement-unknown', { placement: plaatsingId });
  const data = src.data;

  const missing = missingPokFields(data);
  if (missing.length > 0) {
    return refused(src, plaatsingId, 'missing', 'data-missing', { placement: plaatsingId, fields: missing }, missing);
  }

  const notices: PokNotice[] = [];
  if (isRecognised(db, src) === false) {
    const params: PokMessageParams = {
      placement: plaatsingId,
      bedrijf: data.leerbedrijf.naam,
      kvk: data.leerbedrijf.kvk,
      crebo: data.opleiding.crebo,
      start: data.periode.startdatum,
    };
    if (!opts.force) return refused(src, plaatsingId, 'not-recognised', 'not-recognised', params);
    notices.push(notice('forced-not-recognised', params));
  }
  // generated all the same: the agreement is the school's to correct, the POK says the limits
  const limit = workLimitsAtStart(data).week;
  if (data.uren.per_week > limit) notices.push(notice('hours-over-limit', { placement: plaatsingId, hours: data.uren.per_week, limit }));

  const template = opts.template ?? loadPokTemplate();
  const dataHash = pokDataHash(data);
  const latest = latestVersion(db, src.id);
  const base = {
    placementRowId: src.id,
    placement: plaatsingId,
    student: data.student.studentnummer,
    dataHash,
    template,
    latestVersion: latest?.version ?? null,
    notices,
  };
  if (latest && latest.data_hash === dataHash) {
    const stored = JSON.parse(latest.data_json) as StoredPok;
    if (stored.template_sha256 === template.sha256) {
      return {
        ...base,
        data: stored.data,
        version: latest.version,
        generatedOn: latest.generated_on,
        reuse: true,
        recordedSha256: latest.sha256,
      };
    }
  }
  return {
    ...base,
    data,
    version: (latest?.version ?? 0) + 1,
    generatedOn: opts.today,
    reuse: false,
    recordedSha256: null,
  };
}

export interface RenderedPok {
  pdf: Buffer;
  split: Record<PokCopy, Buffer> | null;
}

/** Renders a plan in this thread. */
export async function renderPlan(plan: PokPlan, opts: { split?: boolean; pdfa?: boolean } = {}): Promise<RenderedPok> {
  const { renderPok, renderPokSplit } = await import('./render.js');
  const ropts = { version: plan.version, generatedOn: plan.generatedOn, pdfa: opts.pdfa };
  const pdf = await renderPok(plan.data, plan.template, ropts);
  const split = opts.split ? await renderPokSplit(plan.data, plan.template, ropts) : null;
  return { pdf, split };
}

/**
 * Records a new version (nothing for a reused one) and returns the result. Refuses, with
 * `version-conflict`, when another process recorded a version since the plan was made.
 */
export function recordPok(db: Database.Database, plan: PokPlan, rendered: RenderedPok): PokGenerated {
  const sha256 = sha256Hex(rendered.pdf);
  const notices = [...plan.notices];
  const result: PokGenerated = {
    status: plan.reuse ? 'unchanged' : 'generated',
    placement: plan.placement,
    student: plan.student,
    version: plan.version,
    generated: plan.generatedOn,
    sha256,
    pdf: rendered.pdf,
    split: rendered.split,
    files: pokFileNames(plan.student, plan.placement),
    superseded: null,
    notices,
  };
  if (plan.reuse) {
    if (plan.recordedSha256 !== sha256) {
      // same data, same template, other bytes: the renderer itself changed (a new pdfkit or
      // font). The recorded hash stays what was handed out and perhaps signed.
      notices.push(
        notice('sha-mismatch', { placement: plan.placement, version: plan.version, detail: plan.recordedSha256 ?? '' }),
      );
    }
    return result;
  }
  const stored: StoredPok = { data: plan.data, template_sha256: plan.template.sha256 };
  db.transaction(() => {
    const latest = latestVersion(db, plan.placementRowId);
    if ((latest?.version ?? null) !== plan.latestVersion) {
      throw new PokError('version-conflict', { placement: plan.placement }, 1);
    }
    db.prepare(
      `INSERT INTO pok_versions (placement_id, version, generated_on, sha256, data_hash, data_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(plan.placementRowId, plan.version, plan.generatedOn, sha256, plan.dataHash, canonicalJson(stored));
    audit(db, {
      command: 'pok generate',
      details: { placement: plan.placement, version: plan.version, sha256, superseded: plan.latestVersion },
    });
  }).immediate();
  result.superseded = plan.latestVersion;
  return result;
}

/** Generates the POK of one placement: plan, render, record. */
export async function generatePok(
  db: Database.Database,
  plaatsingId: string,
  opts: PokGenerateOptions,
): Promise<PokGenerateResult> {
  const plan = planPok(db, plaatsingId, opts);
  if (isRefusal(plan)) return plan;
  return recordPok(db, plan, await renderPlan(plan, opts));
}

export interface PokBatchOptions extends PokGenerateOptions {
  /**
   * Render threads, this one included (2 = this thread and one worker). Default: both cores
   * (at most 2) from POOL_MIN_PLACEMENTS POKs on, else 1: starting a worker (loading pdfkit,
   * parsing the fonts, first shaping) costs about as much as rendering a few dozen POKs.
   */
  workers?: number;
}

/** From this many POKs to render on, a batch uses the worker pool by default. */
export const POOL_MIN_PLACEMENTS = 50;

/** Every plaatsing_id, in order: what `bpv pok generate --all` works through. */
export function allPlacementIds(db: Database.Database): string[] {
  return (db.prepare('SELECT plaatsing_id FROM placements ORDER BY plaatsing_id').all() as { plaatsing_id: string }[]).map(
    (r) => r.plaatsing_id,
  );
}

/**
 * Generates many POKs, yielding each result in the order of `ids` as soon as it and those
 * before it are done, so the caller can write files while the rest renders and memory stays
 * bounded. Refusals are results too: the other placements go on.
 */
export async function* generatePoksIter(
  db: Database.Database,
  ids: readonly string[],
  opts: PokBatchOptions,
): AsyncGenerator<PokGenerateResult> {
  const template = opts.template ?? loadPokTemplate();
  const o: PokBatchOptions = { ...opts, template };
  // one query for the batch, and only the placements asked for: --all on 100k placements asks for the few that changed
  const sources = ids.length > 20 ? new Map(loadPokSources(db, ids).map((s) => [s.data.plaatsing_id, s])) : null;
  const plans: (PokPlan | PokRefused)[] = [];
  for (const id of ids) {
    plans.push(planPok(db, id, o, sources?.get(id)));
    // a turn of the event loop now and then: planning 100,000 POKs took 9 s in which Ctrl-C waited
    if (plans.length % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const rendered = plans.filter((p) => !isRefusal(p)).length;
  let workers = Math.max(
    1,
    Math.floor(opts.workers ?? (rendered >= POOL_MIN_PLACEMENTS ? Math.min(2, availableParallelism()) : 1)),
  );
  const poolModule = workers > 1 ? await import('./pool.js') : null;
  if (poolModule && !poolModule.poolAvailable()) workers = 1;

  if (workers === 1 || !poolModule) {
    for (const plan of plans) {
      yield isRefusal(plan) ? plan : recordPok(db, plan, await renderPlan(plan, o));
    }
    return;
  }

  // This thread renders too: one worker besides it beats two workers on two cores, since
  // every worker pays its own start-up (pdfkit, fonts, cold word caches: about a second).
  const pool = new poolModule.RenderPool(workers - 1);
  try {
    const queuedPerWorker = 2; // enough that a worker never waits for this thread
    const window = workers * 4; // results held at most, so memory stays bounded
    const slots: (RenderedPok | Promise<RenderedPok> | null)[] = [];
    const finished = new Set<number>();
    let next = 0;
    let yielded = 0;
    const feedPool = (): void => {
      while (next < plans.length && next - yielded < window && pool.inFlight < pool.size * queuedPerWorker) {
        const k = next++;
        const plan = plans[k]!;
        if (isRefusal(plan)) {
          slots[k] = null;
          continue;
        }
        const job = pool.render({
          data: plan.data,
          templateSource: plan.template.source,
          templateName: plan.template.name,
          version: plan.version,
          generatedOn: plan.generatedOn,
          split: o.split === true,
          pdfa: o.pdfa !== false,
        });
        // awaited in order below; a failure of a later one must not go unhandled meanwhile
        job.then(() => finished.add(k), () => finished.add(k));
        slots[k] = job;
      }
    };
    const renderHere = async (): Promise<void> => {
      const k = next++;
      const plan = plans[k]!;
      slots[k] = isRefusal(plan) ? null : await renderPlan(plan, o);
      // a render here settles through microtasks only; let the workers' answers in before
      // feeding them again, or they sit idle until this thread runs out of work
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    while (yielded < plans.length) {
      feedPool();
      if (yielded === next) {
        await renderHere();
        continue;
      }
      const slot = slots[yielded];
      const waiting = slot instanceof Promise && !finished.has(yielded);
      if (waiting && next < plans.length && next - yielded < window) {
        await renderHere();
        continue;
      }
      const plan = plans[yielded]!;
      slots[yielded] = null;
      const result = isRefusal(plan) ? plan : recordPok(db, plan, await slot!);
      yielded++;
      yield result;
    }
  } finally {
    await pool.close();
  }
}

/** generatePoksIter, collected. */
export async function generatePoks(
  db: Database.Database,
  ids: readonly string[],
  opts: PokBatchOptions,
): Promise<PokGenerateResult[]> {
  const out: PokGenerateResult[] = [];
  for await (const r of generatePoksIter(db, ids, opts)) out.push(r);
  return out;
}

function isRefusal(p: PokPlan | PokRefused): p is PokRefused {
  return (p as PokRefused).status === 'refused';
}

// ---- signatures -------------------------------------------------------------------------

export interface PokSignOptions {
  /** The day the signed copy says (default `today`). */
  date?: IsoDate;
  name?: string | null;
  /** Today, to refuse a signature dated in the future. */
  today: IsoDate;
}

export interface PokSignResult {
  placement: string;
  version: number;
  party: PokParty;
  signed_on: IsoDate;
  name: string | null;
  /** The signature this one replaced (a correction), for the audit log. */
  replaced: { signed_on: IsoDate; name: string | null } | null;
  fully_signed: IsoDate | null;
  /** The placement's data changed since this version was generated. */
  outdated: boolean;
}

export function isPokParty(s: string): s is PokParty {
  return (POK_PARTIES as readonly string[]).includes(s);
}

/** Records a signature received for the current (latest) version of a placement's POK. */
export function signPok(
  db: Database.Database,
  plaatsingId: string,
  party: string,
  opts: PokSignOptions,
): PokSignResult {
  if (!isPokParty(party)) throw new PokError('party-unknown', { party });
  const date = opts.date ?? opts.today;
  if (!isIsoDate(date)) throw new PokError('date-invalid', { date });
  if (!isIsoDate(opts.today)) throw new PokError('date-invalid', { date: opts.today });
  const src = loadPokSource(db, plaatsingId);
  if (!src) throw new PokError('placement-unknown', { placement: plaatsingId });

  return db.transaction((): PokSignResult => {
    const latest = latestVersion(db, src.id);
    if (!latest) throw new PokError('no-pok', { placement: plaatsingId });
    const printed = (JSON.parse(latest.data_json) as StoredPok).data;
    const required = requiredParties(printed);
    if (!required.includes(party)) {
      throw new PokError('party-not-required', { placement: plaatsingId, start: printed.periode.startdatum });
    }
    if (date < latest.generated_on) {
      throw new PokError('sign-before-generation', {
        placement: plaatsingId,
        date,
        version: latest.version,
        generated: latest.generated_on,
      });
    }
    if (date > opts.today) throw new PokError('sign-in-future', { date });

    const before = db
      .prepare('SELECT signed_on, name FROM pok_signatures WHERE placement_id = ? AND version = ? AND party = ?')
      .get(src.id, latest.version, party) as { signed_on: string; name: string | null } | undefined;
    const name = opts.name === undefined || opts.name === null || opts.name.trim() === '' ? null : opts.name.trim();
    db.prepare(
      `INSERT INTO pok_signatures (placement_id, version, party, signed_on, name) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (placement_id, version, party) DO UPDATE SET signed_on = excluded.signed_on, name = excluded.name`,
    ).run(src.id, latest.version, party, date, name);

    audit(db, {
      command: 'pok sign',
      details: { placement: plaatsingId, version: latest.version, party },
      changes: [{ entity: 'pok', key: `${plaatsingId}/v${latest.version}/${party}`, field: 'signed_on', old: before?.signed_on ?? null, new: date }],
    });
    const signed = signaturesOf(db, src.id, latest.version);
    return {
      placement: plaatsingId,
      version: latest.version,
      party,
      signed_on: date,
      name,
      replaced: before ? { signed_on: before.signed_on, name: before.name } : null,
      fully_signed: fullySigned(required, signed),
      outdated: pokDataHash(src.data) !== latest.data_hash,
    };
  }).immediate();
}

function signaturesOf(db: Database.Database, placementRowId: number, version: number): Map<PokParty, IsoDate> {
  const rows = db
    .prepare('SELECT party, signed_on FROM pok_signatures WHERE placement_id = ? AND version = ?')
    .all(placementRowId, version) as { party: PokParty; signed_on: string }[];
  return new Map(rows.map((r) => [r.party, r.signed_on]));
}

/** The day the last required signature came in, when all are in. */
function fullySigned(required: readonly PokParty[], signed: ReadonlyMap<PokParty, IsoDate>): IsoDate | null {
  let last: IsoDate | null = null;
  for (const p of required) {
    const d = signed.get(p);
    if (!d) return null;
    if (last === null || d > last) last = d;
  }
  return last;
}

// ---- status -----------------------------------------------------------------------------

/** One element of `bpv pok status --format json` (SPEC §5), plus how the placement ended. */
export interface PokStatusEntry {
  placement: string;
  version: number | null;
  generated: IsoDate | null;
  required: PokParty[];
  signed: Partial<Record<PokParty, IsoDate | null>>;
  fully_signed: IsoDate | null;
  outdated: boolean;
  /** SPEC §3: a broken-off placement shows its reason in the POK status (null otherwise). */
  beeindigd_op: IsoDate | null;
  beeindigd_reden: string | null;
}

export interface PokStatusOptions {
  /** Only these plaatsing_ids (default: all). */
  placements?: readonly string[];
  /** Only POKs to chase (`--unsigned`): missing, not fully signed, or signed on data that changed since. */
  unsigned?: boolean;
}

/** Every placement's POK, in plaatsing_id order. */
export function pokStatus(db: Database.Database, opts: PokStatusOptions = {}): PokStatusEntry[] {
  let sources = opts.placements ? loadPokSources(db, opts.placements) : loadAllPokSources(db);
  if (opts.placements) {
    const wanted = new Set(opts.placements);
    const known = new Set(sources.map((s) => s.data.plaatsing_id));
    for (const id of wanted) if (!known.has(id)) throw new PokError('placement-unknown', { placement: id });
    sources = sources.filter((s) => wanted.has(s.data.plaatsing_id));
  }
  const latest = new Map(
    (
      db
        .prepare(
          `SELECT v.* FROM pok_versions v
            WHERE v.version = (SELECT max(version) FROM pok_versions w WHERE w.placement_id = v.placement_id)`,
        )
        .all() as VersionRow[]
    ).map((r) => [r.placement_id, r]),
  );
  const sigs = new Map<number, Map<PokParty, IsoDate>>();
  for (const r of db
    .prepare(
      `SELECT s.placement_id, s.party, s.signed_on FROM pok_signatures s
        WHERE s.version = (SELECT max(version) FROM pok_versions w WHERE w.placement_id = s.placement_id)`,
    )
    .all() as { placement_id: number; party: PokParty; signed_on: string }[]) {
    let m = sigs.get(r.placement_id);
    if (!m) sigs.set(r.placement_id, (m = new Map()));
    m.set(r.party, r.signed_on);
  }

  const out: PokStatusEntry[] = [];
  for (const src of sources) {
    const v = latest.get(src.id);
    // what was printed decides who signs; without a POK, what would be printed now
    const required = requiredParties(v ? (JSON.parse(v.data_json) as StoredPok).data : src.data);
    const signedMap = v ? (sigs.get(src.id) ?? new Map<PokParty, IsoDate>()) : new Map<PokParty, IsoDate>();
    const signed: Partial<Record<PokParty, IsoDate | null>> = {};
    for (const p of required) signed[p] = signedMap.get(p) ?? null;
    const entry: PokStatusEntry = {
      placement: src.data.plaatsing_id,
      version: v?.version ?? null,
      generated: v?.generated_on ?? null,
      required,
      signed,
      fully_signed: v ? fullySigned(required, signedMap) : null,
      outdated: v ? pokDataHash(src.data) !== v.data_hash : false,
      beeindigd_op: src.beeindigd_op,
      beeindigd_reden: src.beeindigd_reden,
    };
    if (opts.unsigned && entry.fully_signed !== null && !entry.outdated) continue;
    out.push(entry);
  }
  return out;
}

export type PokState = 'ontbreekt' | 'ongetekend' | 'getekend' | 'verouderd';

/** The one-word POK state of the monthly report (SPEC §6) and of the validator's pok-ongetekend. */
export function pokState(entry: PokStatusEntry): PokState {
  if (entry.version === null) return 'ontbreekt';
  if (entry.outdated) return 'verouderd';
  return entry.fully_signed !== null ? 'getekend' : 'ongetekend';
}
