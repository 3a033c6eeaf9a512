import { computed, DestroyRef, effect, inject, Signal, signal, untracked, WritableSignal } from '@angular/core';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { Loader } from './loader';

/** One filter of a list: its value when the URL has none, and the values it accepts (others read as the default). */
export interface FilterSpec {
  default?: string;
  allowed?: readonly string[];
}

/** What a list asks its source for: the filters, the page, its size and the sort (`field` or `-field`). */
export type ListQuery<K extends string> = Partial<Record<K, string>> & {
  page: number;
  pageSize: number;
  sort?: string;
};

export interface ListPage {
  items: readonly unknown[];
  total: number;
}

export interface PagedListOptions<K extends string, R extends ListPage> {
  filters: Record<K, FilterSpec>;
  fetch: (query: ListQuery<K>) => Promise<R>;
  /** Rows per page when the URL has none; 20 by default. */
  pageSize?: number;
  /** The sort when the URL has none. */
  sort?: string;
  /** The fields it may sort by; any other sort in the URL reads as the default. */
  sorts?: readonly string[];
  /** The filter that `typeSearch` sets after a pause; `search` by default. */
  searchKey?: NoInfer<K>;
  /** Keep the query in the URL (default); `false` for a list inside another page. */
  url?: boolean;
}

export const PAGE_SIZES = [10, 20, 50, 100];
export const SEARCH_DELAY_MS = 300;

/** The query a list reads from URL parameters: unknown values read as defaults, an empty value as no filter. */
export function queryFromUrl<K extends string>(
  params: ParamMap,
  options: Pick<PagedListOptions<K, ListPage>, 'filters' | 'pageSize' | 'sort' | 'sorts'>,
): ListQuery<K> {
  const query = { ...defaultQuery(options) } as ListQuery<K>;
  for (const [key, spec] of Object.entries(options.filters) as [K, FilterSpec][]) {
    const raw = params.get(key);
    if (raw === '') query[key] = undefined as ListQuery<K>[K];
    else if (raw !== null && (!spec.allowed || spec.allowed.includes(raw))) query[key] = raw as ListQuery<K>[K];
  }
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page >= 1) query.page = page;
  const pageSize = Number(params.get('pageSize'));
  if (PAGE_SIZES.includes(pageSize)) query.pageSize = pageSize;
  const sort = params.get('sort');
  if (sort && (!options.sorts || options.sorts.includes(sort.replace(/^-/, '')))) query.sort = sort;
  return query;
}

/** The URL parameters of a query: what equals its default is left out, a cleared filter with a default is kept empty. */
export function queryToUrl<K extends string>(
  query: ListQuery<K>,
  options: Pick<PagedListOptions<K, ListPage>, 'filters' | 'pageSize' | 'sort'>,
): Record<string, string | number | null> {
  const url: Record<string, string | number | null> = {};
  for (const [key, spec] of Object.entries(options.filters) as [K, FilterSpec][]) {
    const value = query[key] as string | undefined;
    url[key] = value === spec.default ? null : (value ?? '');
  }
  url['page'] = query.page === 1 ? null : query.page;
  url['pageSize'] = query.pageSize === (options.pageSize ?? 20) ? null : query.pageSize;
  url['sort'] = query.sort === options.sort ? null : (query.sort ?? null);
  return url;
}

function defaultQuery<K extends string>(
  options: Pick<PagedListOptions<K, ListPage>, 'filters' | 'pageSize' | 'sort'>,
): ListQuery<K> {
  const query = { page: 1, pageSize: options.pageSize ?? 20, sort: options.sort } as ListQuery<K>;
  for (const [key, spec] of Object.entries(options.filters) as [K, FilterSpec][]) {
    query[key] = spec.default as ListQuery<K>[K];
  }
  return query;
}

/**
 * A server-paged list: filters (kept in the URL query parameters unless `url: false`), page, page size and sort;
 * loads whenever they change, shows the last error and retries. Create it in a component's field initializer.
 */
export class PagedList<K extends string, R extends ListPage> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly state: WritableSignal<ListQuery<K>>;
  private readonly attempt = signal(0);
  private readonly searchKey: K;
  private readonly loader = new Loader();
  private searchTimer?: ReturnType<typeof setTimeout>;

  readonly query: Signal<ListQuery<K>>;
  readonly page = computed(() => this.query().page);
  readonly pageSize = computed(() => this.query().pageSize);
  readonly sort = computed(() => this.query().sort);
  /** The filters alone: changes only when one of them does, not with the page or the sort. */
  readonly filters = computed(
    () => {
      const filters: Partial<Record<K, string>> = {};
      for (const key of Object.keys(this.options.filters) as K[]) filters[key] = this.query()[key];
      return filters;
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  /** The last page the source answered. */
  readonly result = signal<R | null>(null);
  readonly items = computed(() => (this.result()?.items ?? []) as R['items']);
  readonly total = computed(() => this.result()?.total ?? 0);
  readonly loading = this.loader.loading.asReadonly();
  /** Why the last load failed; `retry()` loads again. */
  readonly error = this.loader.error.asReadonly();
  /** The search text as typed; the search filter follows after a pause. */
  readonly searchText = signal('');

  constructor(private readonly options: PagedListOptions<K, R>) {
    this.searchKey = options.searchKey ?? ('search' as K);
    this.state = signal(defaultQuery(options));
    this.query = this.state.asReadonly();
    const destroyRef = inject(DestroyRef);
    if (options.url !== false) {
      const subscription = this.route.queryParamMap.subscribe((params) => this.show(queryFromUrl(params, options)));
      destroyRef.onDestroy(() => subscription.unsubscribe());
    } else {
      this.searchText.set(this.state()[this.searchKey] ?? '');
    }
    destroyRef.onDestroy(() => clearTimeout(this.searchTimer));
    // Runs once inputs are set, and again on every change of the query and on retry.
    effect(() => {
      const query = this.state();
      this.attempt();
      untracked(
        () =>
          void this.loader.run(
            () => this.options.fetch(query),
            (result) => this.result.set(result),
          ),
      );
    });
  }

  /** Changes filters; the list starts again at page 1. */
  setFilters(change: Partial<Record<K, string | null | undefined>>): void {
    const next = { ...this.state(), page: 1 } as ListQuery<K>;
    for (const [key, value] of Object.entries(change) as [K, string | null | undefined][]) {
      next[key] = (value ?? undefined) as ListQuery<K>[K];
    }
    this.go(next);
  }

  /** Sets the search filter once typing pauses. */
  typeSearch(text: string): void {
    this.searchText.set(text);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(
      () => this.setFilters({ [this.searchKey]: text.trim() || undefined } as Partial<Record<K, string>>),
      SEARCH_DELAY_MS,
    );
  }

  setPage(page: number): void {
    if (page !== this.page()) this.go({ ...this.state(), page });
  }

  setPageSize(pageSize: number): void {
    if (pageSize !== this.pageSize()) this.go({ ...this.state(), page: 1, pageSize });
  }

  /** Sorts by a field (`field` ascending, `-field` descending); `null` goes back to the default sort. */
  setSort(sort: string | null): void {
    const next = sort ?? this.options.sort;
    if (next !== this.sort()) this.go({ ...this.state(), page: 1, sort: next });
  }

  /** The order a table header shows for a field. */
  sortOrder(field: string): 'ascend' | 'descend' | null {
    const sort = this.sort();
    return sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;
  }

  /** Follows a table's page, page size and sort (ng-zorro's `nzQueryParams`). */
  tableChange(params: { pageIndex: number; pageSize: number; sort: { key: string; value: string | null }[] }): void {
    const sorted = params.sort.find((s) => s.value);
    const sort = sorted ? (sorted.value === 'descend' ? `-${sorted.key}` : sorted.key) : this.options.sort;
    const q = this.state();
    if (params.pageSize !== q.pageSize || sort !== q.sort) {
      this.go({ ...q, page: 1, pageSize: params.pageSize, sort });
    } else if (params.pageIndex !== q.page) {
      this.go({ ...q, page: params.pageIndex });
    }
  }

  /** Loads the same query again (after an error, or after a change elsewhere). */
  retry(): void {
    this.attempt.update((n) => n + 1);
  }

  private go(next: ListQuery<K>): void {
    if (this.options.url === false) this.show(next);
    else
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: queryToUrl(next, this.options),
        queryParamsHandling: 'merge',
      });
  }

  private show(query: ListQuery<K>): void {
    this.state.set(query);
    const search = query[this.searchKey] ?? '';
    if (this.searchText().trim() !== search) this.searchText.set(search);
  }
}

/** A paged list for the component being created (see `PagedList`). */
export function pagedList<K extends string, R extends ListPage>(options: PagedListOptions<K, R>): PagedList<K, R> {
  return new PagedList(options);
}
