/** A deterministic source of random numbers for one named stream. */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
}

/**
 * Returns the random stream named `stream` for `seed` (mulberry32 behind an FNV-1a hash of both).
 *
 * Each variable and region draws from its own stream, so changing how one series is modelled
 * leaves the numbers of every other series as they were.
 */
export function seededRandom(seed: number, stream: string): SeededRandom {
  let state = hashString(`${seed}:${stream}`);
  // https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // Box-Muller; 1 - u keeps the logarithm away from zero.
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
