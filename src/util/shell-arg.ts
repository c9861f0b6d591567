/**
 * `s` as one shell argument to copy and paste: in double quotes (which sh and Windows' cmd
 * both read) unless it holds a character that sh reads inside them (`"` `$` `` ` `` `\` `!`);
 * then in POSIX single quotes.
 */
export function shellArg(s: string): string {
  if (!/["$`\\!]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
