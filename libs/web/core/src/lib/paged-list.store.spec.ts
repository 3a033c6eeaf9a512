import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ListQuery, pagedList, SEARCH_DELAY_MS } from './paged-list.store';

type Key = 'search' | 'status';
interface Row {
  id: number;
}

@Component({ template: '' })
class Blank {}

function setup(fetch: (q: ListQuery<Key>) => Promise<{ items: Row[]; total: number }>, url = true) {
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: Blank }])] });
  const list = TestBed.runInInjectionContext(() =>
    pagedList({ filters: { search: {}, status: { default: 'open', allowed: ['open', 'closed'] } }, fetch, url }),
  );
  return { list, router: TestBed.inject(Router) };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
}

describe('PagedList', () => {
  it('reads its query from the URL and loads it', async () => {
    const fetch = jest.fn().mockResolvedValue({ items: [{ id: 1 }], total: 41 });
    const { list, router } = setup(fetch);
    await router.navigateByUrl('/list?status=closed&page=3&pageSize=50&search=x');
    await settle();
    expect(fetch).toHaveBeenLastCalledWith({ search: 'x', status: 'closed', page: 3, pageSize: 50, sort: undefined });
    expect(list.items()).toEqual([{ id: 1 }]);
    expect(list.total()).toBe(41);
    expect(list.searchText()).toBe('x');
  });

  it('reads unknown values as the defaults and an empty value as no filter', async () => {
    const fetch = jest.fn().mockResolvedValue({ items: [], total: 0 });
    const { router } = setup(fetch);
    await router.navigateByUrl('/list?status=bogus&page=-2&pageSize=7');
    await settle();
    expect(fetch).toHaveBeenLastCalledWith({
      search: undefined,
      status: 'open',
      page: 1,
      pageSize: 20,
      sort: undefined,
    });
    await router.navigateByUrl('/list?status=');
    await settle();
    expect(fetch).toHaveBeenLastCalledWith({
      search: undefined,
      status: undefined,
      page: 1,
      pageSize: 20,
      sort: undefined,
    });
  });

  it('writes a filter change to the URL and starts again at page 1', async () => {
    const fetch = jest.fn().mockResolvedValue({ items: [], total: 0 });
    const { list, router } = setup(fetch);
    await router.navigateByUrl('/list?page=4&tab=keep');
    await settle();
    list.setFilters({ status: 'closed' });
    await settle();
    expect(router.url).toBe('/list?tab=keep&status=closed');
    expect(list.page()).toBe(1);
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'closed', page: 1 }));
    list.setFilters({ status: null });
    await settle();
    expect(router.url).toBe('/list?tab=keep&status=');
    list.setPage(2);
    await settle();
    expect(router.url).toBe('/list?tab=keep&status=&page=2');
  });

  it('sets the search filter once typing pauses', async () => {
    jest.useFakeTimers();
    try {
      const fetch = jest.fn().mockResolvedValue({ items: [], total: 0 });
      const { list, router } = setup(fetch, false);
      TestBed.tick();
      list.typeSearch('张');
      list.typeSearch('张三 ');
      jest.advanceTimersByTime(SEARCH_DELAY_MS - 1);
      TestBed.tick();
      expect(fetch).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(1);
      TestBed.tick();
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ search: '张三', page: 1 }));
      expect(list.searchText()).toBe('张三 ');
      expect(router.url).toBe('/');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the error of a failed load and loads again on retry', async () => {
    const fetch = jest
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ items: [{ id: 2 }], total: 1 });
    const { list } = setup(fetch, false);
    await settle();
    expect(list.error()?.message).toContain('offline');
    expect(list.loading()).toBe(false);
    list.retry();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(list.error()).toBeNull();
    expect(list.items()).toEqual([{ id: 2 }]);
  });

  it('keeps only the answer to the latest query', async () => {
    let answer: (page: { items: Row[]; total: number }) => void = () => undefined;
    const fetch = jest
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
      .mockResolvedValueOnce({ items: [{ id: 2 }], total: 1 });
    const { list } = setup(fetch, false);
    TestBed.tick();
    list.setPage(2);
    await settle();
    answer({ items: [{ id: 1 }], total: 1 });
    await settle();
    expect(list.items()).toEqual([{ id: 2 }]);
  });
});
