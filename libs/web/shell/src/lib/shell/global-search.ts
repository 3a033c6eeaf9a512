import { HttpClient, HttpParams } from '@angular/common/http';
import {
  AfterViewInit,
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CUSTOMER_LOOKUP_MAX_LENGTH, CUSTOMER_LOOKUP_MIN_LENGTH, CustomerLookupHit } from '@crm/shared/domain';
import { OWN_ERRORS, shownError } from '@crm/web/core';
import { NzAutocompleteModule } from 'ng-zorro-antd/auto-complete';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { firstValueFrom } from 'rxjs';

/** How long typing must pause before the search asks the server. */
const DEBOUNCE_MS = 250;

type SearchState = 'idle' | 'loading' | 'done' | 'error';

/**
 * The header's customer search: a name fragment, or the start of an account number, credit code or contact
 * phone, within the user's customers; the first ten as one types, Enter or a click opens the customer.
 */
@Component({
  selector: 'crm-global-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzAutocompleteModule, NzIconModule, NzInputModule],
  templateUrl: './global-search.html',
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .hit {
      display: flex;
      flex-direction: column;
      white-space: normal;
    }
    .match {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .message {
      white-space: normal;
    }
    @media (max-width: 767.98px) {
      .shortcut {
        display: none;
      }
    }
  `,
})
export class GlobalSearch implements AfterViewInit {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  /** Focus the box as soon as it is shown (the phone opens it on demand). */
  readonly autofocus = input(false, { transform: booleanAttribute });
  protected readonly maxLength = CUSTOMER_LOOKUP_MAX_LENGTH;
  protected readonly shortcutHint = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K';
  protected readonly state = signal<SearchState>('idle');
  protected readonly hits = signal<CustomerLookupHit[]>([]);
  protected readonly error = signal('');
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The number of the latest search: an older answer arriving late is dropped. */
  private latest = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  ngAfterViewInit(): void {
    if (this.autofocus()) this.focus();
  }

  focus(): void {
    this.box().nativeElement.focus();
    this.box().nativeElement.select();
  }

  protected typed(value: string): void {
    clearTimeout(this.timer);
    const term = value.trim();
    if ([...term].length < CUSTOMER_LOOKUP_MIN_LENGTH) {
      this.latest++;
      this.state.set('idle');
      this.hits.set([]);
      return;
    }
    this.timer = setTimeout(() => void this.search(term), DEBOUNCE_MS);
  }

  protected open(hit: CustomerLookupHit): void {
    void this.router.navigate(['/customers', hit.id]);
    this.state.set('idle');
    this.hits.set([]);
    // The autocomplete writes the chosen label into the box after this handler: empty it afterwards.
    queueMicrotask(() => {
      this.box().nativeElement.value = '';
      this.box().nativeElement.blur();
    });
  }

  private async search(term: string): Promise<void> {
    const mine = ++this.latest;
    this.state.set('loading');
    try {
      const hits = await firstValueFrom(
        this.http.get<CustomerLookupHit[]>('/api/customers/lookup', {
          ...OWN_ERRORS,
          params: new HttpParams().set('q', term),
        }),
      );
      if (mine !== this.latest) return;
      this.hits.set(hits);
      this.state.set('done');
    } catch (e) {
      if (mine !== this.latest) return;
      this.hits.set([]);
      this.error.set(shownError(e).message);
      this.state.set('error');
    }
  }
}
