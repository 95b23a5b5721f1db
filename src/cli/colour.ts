/**
 * Colour only where a person reads it: a terminal, without NO_COLOR (https://no-color.org), and
 * FORCE_COLOR to override for tests and pipes.
 */
export function colourLevel(stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return 0;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force === '0' || force === 'false' ? 0 : 1;
  if (!stream.isTTY) return 0;
  const depth = stream.getColorDepth?.() ?? 1;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth > 1 ? 1 : 0;
}
