import { Random } from './random';

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const r = new Random(1);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('follows the weights of weighted()', () => {
    const r = new Random(7);
    const n = 20000;
    const hits = Array.from({ length: n }, () =>
      r.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    ).filter((x) => x === 'a').length;
    expect(hits / n).toBeGreaterThan(0.88);
    expect(hits / n).toBeLessThan(0.92);
  });
});
