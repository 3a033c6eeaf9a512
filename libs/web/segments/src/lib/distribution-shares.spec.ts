import { distributionShares } from './distribution-shares';

/** A bucket or a share row written as [value, segment, population]. */
type Triple<V> = [value: V, segment: number, population: number];

const objects = <V>(triples: Triple<V>[]) =>
  triples.map(([value, segment, population]) => ({ value, segment, population }));

describe('distributionShares', () => {
  it.each<[string, Triple<string>[], number | undefined, Triple<string | null>[]]>([
    [
      'turns counts into the shares of the segment and of the population, the segment largest first',
      [
        ['35', 1, 100],
        ['10', 3, 800],
        ['110', 0, 100],
      ],
      undefined,
      [
        ['10', 75, 80],
        ['35', 25, 10],
        ['110', 0, 10],
      ],
    ],
    [
      'rounds to one decimal',
      [
        ['AAA', 2, 2],
        ['AA', 1, 1],
      ],
      undefined,
      [
        ['AAA', 66.7, 66.7],
        ['AA', 33.3, 33.3],
      ],
    ],
    [
      'sums the buckets beyond the limit into one row',
      [
        ['a', 5, 10],
        ['b', 3, 10],
        ['c', 1, 40],
        ['d', 1, 40],
      ],
      2,
      [
        ['a', 50, 10],
        ['b', 30, 10],
        [null, 20, 80],
      ],
    ],
    [
      'shows zero shares for an empty segment instead of dividing by zero',
      [['龙湾区', 0, 5]],
      undefined,
      [['龙湾区', 0, 100]],
    ],
  ])('%s', (_, buckets, limit, expected) => {
    expect(distributionShares({ dimension: 'region', buckets: objects(buckets) }, limit)).toEqual(objects(expected));
  });
});
