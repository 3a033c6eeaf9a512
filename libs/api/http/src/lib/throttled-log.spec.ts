import { ThrottledLog } from './throttled-log';

describe('ThrottledLog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes the first message at once, then one line per window with the count of the others', () => {
    const lines: string[] = [];
    const log = new ThrottledLog((line) => lines.push(line), 5_000);
    for (let i = 1; i <= 1_000; i++) log.report(`failure ${i}`);
    expect(lines).toEqual(['failure 1']);

    jest.advanceTimersByTime(5_000);
    expect(lines).toEqual(['failure 1', '999 more in the last 5 s, the last: failure 1000']);

    log.report('failure 1001');
    log.report('failure 1002');
    expect(lines).toHaveLength(2);
    jest.advanceTimersByTime(5_000);
    expect(lines[2]).toBe('2 more in the last 5 s, the last: failure 1002');
  });

  it('writes a new burst at once after a quiet window', () => {
    const lines: string[] = [];
    const log = new ThrottledLog((line) => lines.push(line), 5_000);
    log.report('first');
    jest.advanceTimersByTime(5_000);
    jest.advanceTimersByTime(60_000);
    log.report('again');
    expect(lines).toEqual(['first', 'again']);
  });
});
