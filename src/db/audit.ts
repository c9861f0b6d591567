// The audit log (SPEC §1): every write command appends what, when, which OS user, which input
// file (name and SHA-256), counts, and for updates the old and new values. It lives in the same
// database, so it commits or rolls back with the change it describes.
import os from 'node:os';
import type { Db } from './open.js';

export interface FieldChange {
  entity: string;
  key: string;
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  command: string;
  file?: { name: string; sha256: string } | undefined;
  counts?: Record<string, number> | undefined;
  details?: Record<string, unknown> | undefined;
  changes?: FieldChange[] | undefined;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'onbekend';
  }
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function audit(db: Db, entry: AuditEntry, now: Date = new Date()): number {
  const info = db
    .prepare('INSERT INTO audit_log (at, os_user, command, file_name, file_sha256, counts, details) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(
      now.toISOString(),
      osUser(),
      entry.command,
      entry.file?.name ?? null,
      entry.file?.sha256 ?? null,
      entry.counts ? JSON.stringify(entry.counts) : null,
      entry.details ? JSON.stringify(entry.details) : null,
    );
  const id = Number(info.lastInsertRowid);
  if (entry.changes?.length) {
    const ins = db.prepare('INSERT INTO audit_changes (audit_id, entity, entity_key, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of entry.changes) ins.run(id, c.entity, c.key, c.field, asText(c.old), asText(c.new));
  }
  return id;
}

export interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  command: string;
  file_name: string | null;
  file_sha256: string | null;
  counts: string | null;
  details: string | null;
}

export function recentAudit(db: Db, limit = 20): AuditRow[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
}
