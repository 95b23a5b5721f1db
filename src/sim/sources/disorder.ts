/**
 * Disorder models: how long after its event time an event reaches the log. Delays are integers
 * ≥ 0, so an event's event time is a lower bound on its append time; the generated log relies on
 * that to stream in append order. Each model is compiled once and draws from the stream it is given.
 */
import { assertNever } from '../kernel/assert.js';
import type { Prng, Ratio } from '../kernel/prng.js';
import type { Disorder } from '../scenario/types.js';

export interface DelayModel {
  /** The largest delay the model can draw, in ms; it bounds how far ahead a generated log buffers. */
  readonly maxDelayMs: number;
  draw(prng: Prng): number;
}

class NoDelay implements DelayModel {
  readonly maxDelayMs = 0;

  draw(): number {
    return 0;
  }
}

/** Uniform in [0, bound). WORKLOADS uses a bound of 6000 ms. */
class UniformDelay implements DelayModel {
  readonly maxDelayMs: number;

  constructor(private readonly boundMs: number) {
    this.maxDelayMs = boundMs - 1;
  }

  draw(prng: Prng): number {
    return prng.int(0, this.boundMs);
  }
}

/**
 * Most events are delayed uniformly in [0, baseDelayMs); a straggler (with probability `stragglers`)
 * is delayed by a Pareto draw, scale baseDelayMs and shape alpha, floored and capped at maxDelayMs.
 * The Pareto draw is the inverse CDF: scale / U^(1/alpha) with U uniform in (0, 1].
 */
class HeavyTailedDelay implements DelayModel {
  readonly maxDelayMs: number;
  private readonly inverseAlpha: number;

  constructor(
    private readonly baseDelayMs: number,
    private readonly stragglers: Ratio,
    alpha: number,
    private readonly capMs: number,
  ) {
    this.inverseAlpha = 1 / alpha;
    this.maxDelayMs = Math.max(capMs, baseDelayMs - 1);
  }

  draw(prng: Prng): number {
    if (!prng.chance(this.stragglers)) return prng.int(0, this.baseDelayMs);
    const u = 1 - prng.nextFloat();
    const delay = Math.floor(this.baseDelayMs * Math.pow(u, -this.inverseAlpha));
    return delay < this.capMs ? delay : this.capMs;
  }
}

function isPositiveInteger(x: number): boolean {
  return Number.isInteger(x) && x > 0;
}

function compileHeavyTailed(disorder: Extract<Disorder, { type: 'heavy-tailed' }>): DelayModel {
  const { baseDelayMs, stragglerNumerator: n, stragglerDenominator: d, alpha, maxDelayMs } = disorder;
  if (!isPositiveInteger(baseDelayMs)) throw new Error(`disorder: heavy-tailed baseDelayMs must be a positive integer, got ${baseDelayMs}`);
  if (!Number.isInteger(n) || !Number.isInteger(d) || d <= 0 || n < 0 || n > d) {
    throw new Error(`disorder: heavy-tailed straggler ratio must be a ratio of integers in [0, 1], got ${n}/${d}`);
  }
  if (!Number.isFinite(alpha) || alpha <= 0) throw new Error(`disorder: heavy-tailed alpha must be a positive number, got ${alpha}`);
  if (!Number.isInteger(maxDelayMs) || maxDelayMs < baseDelayMs) {
    throw new Error(`disorder: heavy-tailed maxDelayMs must be an integer ≥ baseDelayMs (${baseDelayMs}), got ${maxDelayMs}`);
  }
  return new HeavyTailedDelay(baseDelayMs, { numerator: n, denominator: d }, alpha, maxDelayMs);
}

/** Validates `disorder` and compiles it. */
export function compileDisorder(disorder: Disorder): DelayModel {
  switch (disorder.type) {
    case 'none':
      return new NoDelay();
    case 'uniform':
      if (!isPositiveInteger(disorder.maxDelayMs)) {
        throw new Error(`disorder: uniform maxDelayMs must be a positive integer (delays are drawn from [0, maxDelayMs)), got ${disorder.maxDelayMs}`);
      }
      return new UniformDelay(disorder.maxDelayMs);
    case 'heavy-tailed':
      return compileHeavyTailed(disorder);
    default:
      return assertNever(disorder, 'disorder');
  }
}
