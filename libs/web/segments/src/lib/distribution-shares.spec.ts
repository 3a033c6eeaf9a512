import { distributionShares } from './distribution-shares';

describe('distributionShares', () => {
  it('turns counts into the shares of the segment and of the population, the segment largest first', () => {
    const rows = distributionShares({
      dimension: 'voltageKv',
      buckets: [
        { value: '35', segment: 1, population: 100 },
        { value: '10', segment: 3, population: 800 },
        { value: '110', segment: 0, population: 100 },
      ],
    });
    expect(rows).toEqual([
      { value: '10', segment: 75, population: 80 },
      { value: '35', segment: 25, population: 10 },
      { value: '110', segment: 0, population: 10 },
    ]);
  });

  it('rounds to one decimal', () => {
    const rows = distributionShares({
      dimension: 'creditRating',
      buckets: [
        { value: 'AAA', segment: 2, population: 2 },
        { value: 'AA', segment: 1, population: 1 },
      ],
    });
    expect(rows.map((r) => r.segment)).toEqual([66.7, 33.3]);
  });

  it('sums the buckets beyond the limit into one row', () => {
    const rows = distributionShares(
      {
        dimension: 'industry',
        buckets: [
          { value: 'a', segment: 5, population: 10 },
          { value: 'b', segment: 3, population: 10 },
          { value: 'c', segment: 1, population: 40 },
          { value: 'd', segment: 1, population: 40 },
        ],
      },
      2,
    );
    expect(rows).toEqual([
      { value: 'a', segment: 50, population: 10 },
      { value: 'b', segment: 30, population: 10 },
      { value: null, segment: 20, population: 80 },
    ]);
  });

  it('shows zero shares for an empty segment instead of dividing by zero', () => {
    const rows = distributionShares({ dimension: 'region', buckets: [{ value: '龙湾区', segment: 0, population: 5 }] });
    expect(rows).toEqual([{ value: '龙湾区', segment: 0, population: 100 }]);
  });
});
