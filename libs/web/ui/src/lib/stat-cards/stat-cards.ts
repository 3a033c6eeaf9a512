import { formatNumber, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, LOCALE_ID } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';

/** One key figure: its title (an i18n key), value, and optionally a suffix, a colour and a `data-testid`. */
export interface Stat {
  title: string;
  value: number | string;
  suffix?: string;
  colour?: string;
  testId?: string;
  /** Where a click on the card goes: a route and its query parameters (the records behind the figure). */
  link?: { path: string; queryParams?: Record<string, string> };
}

/**
 * Key figures side by side, a card each (four to a row on wide screens, two on narrow ones); while `loading`, each
 * value is a skeleton, not a zero.
 */
@Component({
  selector: 'crm-stat-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    NzCardModule,
    NzGridModule,
    NzSkeletonModule,
    NzStatisticModule,
  ],
  template: `
    <div nz-row [nzGutter]="16">
      @for (s of stats(); track s.title) {
        <div nz-col [nzXs]="12" [nzLg]="6">
          @if (s.link; as link) {
            <a [routerLink]="link.path" [queryParams]="link.queryParams ?? {}">
              <nz-card nzHoverable><ng-container *ngTemplateOutlet="statistic; context: { $implicit: s }" /></nz-card>
            </a>
          } @else {
            <nz-card><ng-container *ngTemplateOutlet="statistic; context: { $implicit: s }" /></nz-card>
          }
        </div>
      }
    </div>
    <ng-template #statistic let-s>
      <nz-statistic
        [nzTitle]="s.title | translate"
        [nzValue]="display(s.value)"
        [nzSuffix]="s.suffix ?? ''"
        [nzValueStyle]="s.colour ? { color: s.colour } : {}"
        [nzValueTemplate]="loading() ? skeleton : undefined"
        [attr.data-testid]="s.testId ?? null"
      />
    </ng-template>
    <ng-template #skeleton>
      <nz-skeleton-element nzType="input" [nzActive]="true" nzSize="small" data-testid="loading" />
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
    nz-card {
      height: 100%;
    }
  `,
})
export class StatCards {
  private readonly locale = inject(LOCALE_ID);
  readonly stats = input.required<readonly Stat[]>();
  /** The figures are being loaded: their values are not known yet. */
  readonly loading = input(false);

  /** A number with the locale's grouping (1,804), at most two decimals; text as given. */
  protected display(value: number | string): string {
    return typeof value === 'number' ? formatNumber(value, this.locale, '1.0-2') : value;
  }
}
