// Today as an ISO date in the local time zone: a clerk in Utrecht at 00:30 means that day.
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The school year (1 August – 31 July) a date falls in, as `2026-2027`. */
export function schoolYear(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const start = iso.slice(5) >= '08-01' ? y : y - 1;
  return `${start}-${start + 1}`;
}
