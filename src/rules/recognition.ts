// Whether a company is an erkend leerbedrijf for a crebo on a date. Shared by the validator's
// loader and `bpv pok generate`, which refuses the same placements.

import type { IsoDate, Recognition } from '../domain/types.js';

export type RecognitionIndex = ReadonlyMap<string, readonly Pick<Recognition, 'vestigingsnummer' | 'erkend_vanaf' | 'erkend_tot'>[]>;

const key = (kvk: string, crebo: string): string => `${kvk}\u0000${crebo}`;

export function indexRecognitions(
  recognitions: Iterable<Pick<Recognition, 'kvk' | 'vestigingsnummer' | 'crebo' | 'erkend_vanaf' | 'erkend_tot'>>,
): RecognitionIndex {
  const index = new Map<string, Pick<Recognition, 'vestigingsnummer' | 'erkend_vanaf' | 'erkend_tot'>[]>();
  for (const r of recognitions) {
    const k = key(r.kvk, r.crebo);
    let list = index.get(k);
    if (list === undefined) index.set(k, (list = []));
    list.push({ vestigingsnummer: r.vestigingsnummer, erkend_vanaf: r.erkend_vanaf, erkend_tot: r.erkend_tot });
  }
  return index;
}

/** A recognition without vestigingsnummer covers every location of the KvK number. */
export function isRecognised(
  index: RecognitionIndex,
  company: { kvk: string; vestigingsnummer: string | null },
  crebo: string,
  on: IsoDate,
): boolean {
  const list = index.get(key(company.kvk, crebo));
  if (list === undefined) return false;
  return list.some(
    (r) =>
      (r.vestigingsnummer === null || r.vestigingsnummer === company.vestigingsnummer) &&
      r.erkend_vanaf <= on &&
      (r.erkend_tot === null || on <= r.erkend_tot),
  );
}
