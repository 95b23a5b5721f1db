/**
 * The one source of randomness in the simulator: a seeded sfc32 generator.
 *
 * Rule of the house: `src/sim` never calls the unseeded global random source. Every subsystem takes a child stream with
 * `fork(label)`; a child depends only on the root seed and its label, never on how many numbers
 * were drawn elsewhere, so adding a draw in the network model cannot shift the event generator.
 */
export type PrngState = readonly [number, number, number, number];

/** FNV-1a over the label, so a fork's seed is a pure function of (root seed, label path). */
function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** splitmix32 spreads one 32-bit seed over the four words of sfc32's state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * The state words are kept as int32 (`| 0`), not uint32 (`>>> 0`): an int32 is a small integer to
 * V8, stored in the object itself, where a uint32 above 2^31 is a boxed heap number. The bits, and
 * so every draw, are the same; `state()` reports the words as before (a as int32, b, c and d as uint32).
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any integer; it is folded to 32 bits. */
  constructor(readonly seed: number, state?: PrngState) {
    if (!Number.isInteger(seed)) throw new Error(`Prng: seed must be an integer, got ${seed}`);
    if (state) {
      this.a = state[0] | 0;
      this.b = state[1] | 0;
      this.c = state[2] | 0;
      this.d = state[3] | 0;
    } else {
      const mix = splitmix32(seed >>> 0);
      this.a = mix() | 0;
      this.b = mix() | 0;
      this.c = mix() | 0;
      this.d = mix() | 0;
      // sfc32 wants a few rounds before its output is well mixed.
      for (let i = 0; i < 12; i++) this.nextUint32();
    }
  }

  /** A child stream named by `label`; independent of this stream's draws so far. */
  fork(label: string): Prng {
    return new Prng(hashLabel(this.seed >>> 0, label));
  }

  state(): PrngState {
    return [this.a, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of precision. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer uniform in [lo, hi). Uses multiply-shift, so bias is below 2^-32 per draw. */
  int(lo: number, hi: number): number {
    const span = hi - lo;
    if (!(span > 0)) throw new Error(`Prng.int: empty range [${lo}, ${hi})`);
    if (span <= 4294967296) return lo + Math.floor(this.nextFloat() * span);
    return lo + Math.floor((this.nextUint32() * 4294967296 + this.nextUint32()) / 18446744073709551616 * span);
  }

  /** True with probability numerator/denominator, an integer ratio as TigerBeetle writes them. */
  chance(r: Ratio): boolean {
    if (r.numerator <= 0) return false;
    if (r.numerator >= r.denominator) return true;
    return this.int(0, r.denominator) < r.numerator;
  }
}

/** An integer probability, `ratio(3, 100)`, so that probabilities print and compare exactly. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new Error(`ratio: expected non-negative integers with a positive denominator, got ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
}
