// A plain text table for people: left-aligned columns, numbers right-aligned, widths from the
// content. Colour codes are ignored when measuring.
const ANSI = /\u001b\[[0-9;]*m/g;
const width = (s: string) => [...s.replace(ANSI, '')].length;

export function table(header: string[], rows: (string | number)[][], opts: { right?: number[] } = {}): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const right = new Set(opts.right ?? []);
  const fmt = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(c)));
        return right.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n');
}
