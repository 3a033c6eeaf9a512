import { HttpErrorResponse } from '@angular/common/http';
import { isMissingRecord, Loader } from './loader';
import { shownError } from './shown-error';

const failure = (status: number, error: unknown = null) => new HttpErrorResponse({ status, error, url: '/api/x' });

describe('shownError', () => {
  it("shows the server's message, or says in words that the server could not be reached or failed", () => {
    const bad = shownError(
      failure(400, { message: 'name must not be empty', details: [{ field: 'name', message: 'x' }] }),
    );
    expect(bad).toEqual({ message: 'name must not be empty', details: [{ field: 'name', message: 'x' }] });
    expect(shownError(failure(0)).messageKey).toBe('errors.network');
    expect(shownError(failure(500, { message: 'Internal server error' })).messageKey).toBe('errors.server');
    expect(shownError(failure(503)).messageKey).toBe('errors.server');
    expect(shownError(failure(409)).messageKey).toBe('errors.unknown');
  });
});

describe('isMissingRecord', () => {
  it('reads 404 and 400 (a malformed id) as a missing record, and nothing else', () => {
    expect(isMissingRecord(failure(404))).toBe(true);
    expect(isMissingRecord(failure(400))).toBe(true);
    expect(isMissingRecord(failure(403))).toBe(false);
    expect(isMissingRecord(failure(500))).toBe(false);
    expect(isMissingRecord(new Error('404'))).toBe(false);
  });
});

describe('Loader', () => {
  it('shows the answer, and why a load failed until a retry loads it', async () => {
    const loader = new Loader();
    const shown: string[] = [];
    let fail = true;
    await loader.run(
      () => (fail ? Promise.reject(failure(500)) : Promise.resolve('rows')),
      (value) => shown.push(value),
    );
    expect(loader.error()?.messageKey).toBe('errors.server');
    expect(loader.loading()).toBe(false);
    expect(shown).toEqual([]);
    fail = false;
    loader.retry();
    await new Promise((resolve) => setTimeout(resolve));
    expect(shown).toEqual(['rows']);
    expect(loader.error()).toBeNull();
  });

  it('shows only the answer of the latest load', async () => {
    const loader = new Loader();
    const shown: string[] = [];
    let answerFirst: (value: string) => void = () => undefined;
    const first = loader.run(
      () => new Promise<string>((resolve) => (answerFirst = resolve)),
      (v) => shown.push(v),
    );
    await loader.run(
      () => Promise.resolve('second'),
      (v) => shown.push(v),
    );
    answerFirst('first');
    await first;
    expect(shown).toEqual(['second']);
    expect(loader.loading()).toBe(false);
  });

  it('on a record page, reads 404 and 400 as not found rather than as an error', async () => {
    const record = new Loader({ record: true });
    await record.run(
      () => Promise.reject(failure(404)),
      () => undefined,
    );
    expect(record.notFound()).toBe(true);
    expect(record.error()).toBeNull();
    const list = new Loader();
    await list.run(
      () => Promise.reject(failure(400, { message: 'bad filter' })),
      () => undefined,
    );
    expect(list.notFound()).toBe(false);
    expect(list.error()?.message).toBe('bad filter');
  });
});
