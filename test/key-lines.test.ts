// The compact key → line table behaves exactly like a Map (property test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyLines } from '../src/import/key-lines.js';

describe('KeyLines', () => {
  it('agrees with a Map for any sequence of numeric and string keys', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.maxSafeNat(), fc.string()), fc.integer({ min: 1, max: 2 ** 31 })), { maxLength: 3000 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.string()), { maxLength: 200 }),
      fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })),
      (ops, probes, expected) => {
        // the size hint may be anything: too small, right or far too large
        const k = new KeyLines(expected);
        const m = new Map<string | number, number>();
        for (const [key, line] of ops) {
          k.set(key, line);
          m.set(key, line);
        }
        for (const [key] of ops) expect(k.get(key)).toBe(m.get(key));
        for (const p of probes) expect(k.get(p)).toBe(m.get(p));
      },
    ), { numRuns: 50 });
  });

  it('keeps a million keys, with and without a size hint', () => {
    for (const k of [new KeyLines(), new KeyLines(1_000_000)]) {
      for (let i = 0; i < 1_000_000; i++) k.set(i * 400_000 + 7, i + 2);
      expect(k.get(999_999 * 400_000 + 7)).toBe(1_000_001);
      expect(k.get(5)).toBeUndefined();
    }
  });
});
