// The line each key of an import was first seen on, to name it when a key comes again.
// A million timesheet keys in a Map cost some 60 MB; numeric keys go into an open-addressing
// table of typed arrays instead (16 bytes a slot, at most half full): about a third of that.

const EMPTY = -1; // keys are non-negative

export class KeyLines {
  private keys = new Float64Array(0);
  private lines = new Uint32Array(0);
  private count = 0;
  private readonly strings = new Map<string, number>();

  /**
   * `expected`: about how many numeric keys will come. The table is sized for them when the
   * first one comes (string keys need none): growing from small, a million keys cost a chain
   * of rehashes of two million slots in all.
   */
  constructor(private readonly expected = 0) {}

  get(key: string | number): number | undefined {
    if (typeof key === 'string') return this.strings.get(key);
    const i = this.slot(key);
    return this.keys[i] === key ? this.lines[i] : undefined;
  }

  set(key: string | number, line: number): void {
    if (typeof key === 'string') {
      this.strings.set(key, line);
      return;
    }
    if (key < 0 || !Number.isSafeInteger(key)) throw new RangeError(`key ${key}`);
    if (this.keys.length === 0) this.allocate(Math.max(1 << 16, 2 ** Math.ceil(Math.log2(2 * this.expected + 2))));
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (this.keys[i] !== key) {
      this.keys[i] = key;
      this.count++;
    }
    this.lines[i] = line;
  }

  /** linear probing from a multiplicative hash of the key's low and high bits */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    if (mask < 0) return 0;
    let i = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296) | 0, 0x85ebca6b)) & mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private allocate(slots: number): void {
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.lines = new Uint32Array(slots);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.allocate(oldKeys.length * 2);
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === EMPTY) continue;
      const i = this.slot(k);
      this.keys[i] = k;
      this.lines[i] = oldLines[j]!;
    }
  }
}
