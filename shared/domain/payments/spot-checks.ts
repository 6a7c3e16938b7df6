import { sm3Hex } from '../../exchange/sm';

/**
 * 抽查 sampling: how many of a population a share draws (at least one), and
 * which, as a pure function of the population and a recorded seed — anyone
 * can repeat the draw and see it was not picked by hand.
 */
export function sampleSize(population: number, sharePercent: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('抽查总体应为非负整数');
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100) throw new RangeError('抽查比例应为1%–100%');
  return population === 0 ? 0 : Math.min(population, Math.max(1, Math.ceil((population * sharePercent) / 100)));
}

/** The `size` ids whose SM3(seed:id) are smallest, in id order. */
export function spotCheckSample(ids: readonly number[], size: number, seed: string): number[] {
  const encoder = new TextEncoder();
  return ids
    .map((id) => ({ id, rank: sm3Hex(encoder.encode(`${seed}:${id}`)) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, size)
    .map((x) => x.id)
    .sort((a, b) => a - b);
}
