/**
 * The open fixed (tumbling or sliding) windows of each key, by window start: Flink's keyed window
 * state, whose namespace is the window. Kept apart from the operator so the kernel asks only for
 * "this key's window at this start".
 */
import type { WindowState } from './window-state.js';

export class FixedWindowTable {
  private readonly byKey = new Map<number, Map<number, WindowState>>();

  /** A key's windows by start, or undefined for a key with none. */
  of(key: number): Map<number, WindowState> | undefined {
    return this.byKey.get(key);
  }

  get(key: number, start: number): WindowState | undefined {
    return this.byKey.get(key)?.get(start);
  }

  /** Every open window, as a list: a checkpoint visits them all, so plain loops, not generators. */
  all(): WindowState[] {
    const out: WindowState[] = [];
    for (const perKey of this.byKey.values()) for (const ws of perKey.values()) out.push(ws);
    return out;
  }

  /** Adds a window and returns its key's map, which the caller may keep for the key's next window. */
  insert(ws: WindowState): Map<number, WindowState> {
    let perKey = this.byKey.get(ws.key);
    if (perKey === undefined) {
      perKey = new Map();
      this.byKey.set(ws.key, perKey);
    }
    perKey.set(ws.start, ws);
    return perKey;
  }

  /** Takes over a key's windows whole (the slicing part hands them over when it stops). */
  adopt(key: number, perKey: Map<number, WindowState>): void {
    this.byKey.set(key, perKey);
  }

  remove(ws: WindowState): void {
    const perKey = this.byKey.get(ws.key);
    perKey?.delete(ws.start);
    if (perKey?.size === 0) this.byKey.delete(ws.key);
  }
}
