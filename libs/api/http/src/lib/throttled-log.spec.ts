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

describe('ThrottledLog and async context', () => {
  it('writes its count lines outside the context of the request that opened the window', async () => {
    const { AsyncLocalStorage } = await import('node:async_hooks');
    const request = new AsyncLocalStorage<string>();
    const lines: string[] = [];
    const log = new ThrottledLog((line) => lines.push(`${request.getStore() ?? 'no request'}: ${line}`), 10);
    request.run('request 1', () => log.report('first'));
    request.run('request 2', () => log.report('second'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual(['request 1: first', 'no request: 1 more in the last 0.01 s, the last: second']);
  });
});
