// A small pool of render threads for `bpv pok generate --all`: rendering is CPU-bound pdfkit
// work, and the office machines have two cores. The database stays in the main thread; only
// plain data goes to the workers and PDF bytes come back.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IsoDate } from '../domain/types.js';
import type { PokData } from './data.js';
import { PokError } from './errors.js';
import type { PokCopy } from './render.js';
import type { RenderedPok } from './versions.js';

export interface RenderJob {
  data: PokData;
  templateSource: string;
  templateName: string;
  version: number;
  generatedOn: IsoDate;
  split: boolean;
  pdfa: boolean;
}

export interface RenderReply {
  id: number;
  pdf: ArrayBuffer | null;
  split: Record<PokCopy, ArrayBuffer> | null;
  error: string | null;
}

interface Waiting {
  resolve(r: RenderedPok): void;
  reject(e: unknown): void;
  placement: string;
}

/**
 * The worker script is the compiled render-worker.js beside this file. Running from the
 * TypeScript sources (vitest) there is none; callers then render in-process (workers: 1).
 */
export function workerScript(): URL {
  return new URL('./render-worker.js', import.meta.url);
}

export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(workerScript()));
}

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; job: RenderJob }[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: unknown = null;

  constructor(size: number) {
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.on('message', (reply: RenderReply) => this.done(w, reply));
      w.on('error', (err) => this.crashed(err));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Jobs handed to the pool and not yet answered. */
  get inFlight(): number {
    return this.waiting.size;
  }

  render(job: RenderJob): Promise<RenderedPok> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<RenderedPok>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, placement: job.data.plaatsing_id });
      this.queue.push({ id, job });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const msg = this.queue.shift()!;
      w.postMessage(msg);
    }
  }

  private done(w: Worker, reply: RenderReply): void {
    this.idle.push(w);
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (waiting) {
      if (reply.error !== null || reply.pdf === null) {
        waiting.reject(new PokError('worker-failed', { placement: waiting.placement, reason: reply.error ?? '' }, 1));
      } else {
        const s = reply.split;
        waiting.resolve({
          pdf: Buffer.from(reply.pdf),
          split: s
            ? {
                student: Buffer.from(s.student),
                leerbedrijf: Buffer.from(s.leerbedrijf),
                onderwijsinstelling: Buffer.from(s.onderwijsinstelling),
              }
            : null,
        });
      }
    }
    this.pump();
  }

  private crashed(err: unknown): void {
    // a thread that died takes its job with it; fail everything rather than hang
    this.failure = err;
    for (const waiting of this.waiting.values()) {
      waiting.reject(new PokError('worker-failed', { placement: waiting.placement, reason: String(err) }, 1));
    }
    this.waiting.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
