import { SegmentDistribution } from '@crm/shared/domain';

/** One bucket of a dimension: the share of the segment's members and of the population in it, in per cent. */
export interface ShareRow {
  /** The bucket's value; null for the buckets beyond the limit taken together. */
  value: string | null;
  segment: number;
  population: number;
}

type Bucket = SegmentDistribution['buckets'][number];

const total = (buckets: readonly Bucket[], of: 'segment' | 'population') => buckets.reduce((sum, b) => sum + b[of], 0);
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * A dimension's buckets as shares of the segment and of the population, the segment's largest first;
 * beyond `limit` buckets the rest are summed into one row with value null.
 */
export function distributionShares(distribution: SegmentDistribution, limit = 10): ShareRow[] {
  const segmentTotal = total(distribution.buckets, 'segment');
  const populationTotal = total(distribution.buckets, 'population');
  const sorted = [...distribution.buckets].sort((a, b) => b.segment - a.segment || b.population - a.population);
  const groups: { value: string | null; buckets: Bucket[] }[] = sorted
    .slice(0, limit)
    .map((b) => ({ value: b.value, buckets: [b] }));
  if (sorted.length > limit) groups.push({ value: null, buckets: sorted.slice(limit) });
  return groups.map((g) => ({
    value: g.value,
    segment: percent(total(g.buckets, 'segment'), segmentTotal),
    population: percent(total(g.buckets, 'population'), populationTotal),
  }));
}
