// Ctrl-C's tidying (src/cli/interrupt.ts): each registered cleanup runs once, in spite of one
// that fails, and an unregistered one not at all.
import { describe, expect, it } from 'vitest';
import { onInterrupt, runInterruptCleanups } from '../src/cli/interrupt.js';

describe('interrupt cleanups', () => {
  it('run once each, past a failing one; unregistered ones do not run', () => {
    const ran: string[] = [];
    onInterrupt(() => ran.push('a'));
    onInterrupt(() => {
      throw new Error('disk gone');
    });
    const off = onInterrupt(() => ran.push('weg'));
    onInterrupt(() => ran.push('b'));
    off();
    runInterruptCleanups();
    runInterruptCleanups();
    expect(ran).toEqual(['a', 'b']);
  });
});
