// A render thread of the pool (pool.ts). It receives plain data, renders with pdfkit and
// sends the PDF bytes back as transferred ArrayBuffers (no copy). Templates arrive as source
// text and are parsed once per thread.

import { parentPort } from 'node:worker_threads';
import { renderPok, renderPokSplit } from './render.js';
import { parsePokTemplate, type PokTemplate } from './template.js';
import type { RenderJob, RenderReply } from './pool.js';

const templates = new Map<string, PokTemplate>();

function template(job: RenderJob): PokTemplate {
  let t = templates.get(job.templateSource);
  if (!t) {
    t = parsePokTemplate(job.templateSource, job.templateName);
    templates.set(job.templateSource, t);
  }
  return t;
}

function own(buf: Buffer): ArrayBuffer {
  // a Buffer may be a view on a shared pool slab; send exactly its bytes
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const port = parentPort;
if (!port) throw new Error('render-worker.js runs only as a worker thread');

port.on('message', (msg: { id: number; job: RenderJob }) => {
  void (async () => {
    try {
      const { job } = msg;
      const opts = { version: job.version, generatedOn: job.generatedOn, pdfa: job.pdfa };
      const pdf = own(await renderPok(job.data, template(job), opts));
      let split: RenderReply['split'] = null;
      if (job.split) {
        const s = await renderPokSplit(job.data, template(job), opts);
        split = { student: own(s.student), leerbedrijf: own(s.leerbedrijf), onderwijsinstelling: own(s.onderwijsinstelling) };
      }
      const reply: RenderReply = { id: msg.id, pdf, split, error: null };
      const transfer = [pdf, ...(split ? [split.student, split.leerbedrijf, split.onderwijsinstelling] : [])];
      port.postMessage(reply, transfer);
    } catch (err) {
      const reply: RenderReply = { id: msg.id, pdf: null, split: null, error: String((err as Error)?.stack ?? err) };
      port.postMessage(reply);
    }
  })();
});
