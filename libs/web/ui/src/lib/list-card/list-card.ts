import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, input, TemplateRef } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { ErrorAlert } from '../error-alert/error-alert';
import { LoadingState } from '../load-status/load-status';

/**
 * A card listing a few items, one a line ("My day"'s requests due, findings to rectify, applications at risk), or
 * saying there are none. The projected `<ng-template let-item>` draws an item's line. Given the `state` of the items'
 * load, it shows a skeleton until they are loaded, and why the load failed with a retry instead of "none".
 */
@Component({
  selector: 'crm-list-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslatePipe, NzCardModule, NzEmptyModule, NzSkeletonModule, ErrorAlert],
  template: `
    <nz-card [nzTitle]="title() | translate">
      @let s = state();
      @if (s?.error(); as e) {
        <crm-error-alert [error]="e" [retryable]="true" (retry)="s?.retry()" data-testid="list-error" />
      } @else if (s?.loading() && !items().length) {
        <nz-skeleton [nzActive]="true" [nzTitle]="false" [nzParagraph]="{ rows: 3 }" data-testid="loading" />
      } @else {
        <ul class="crm-list">
          @for (item of items(); track $index) {
            <li><ng-container *ngTemplateOutlet="line(); context: { $implicit: item }" /></li>
          } @empty {
            <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="empty() | translate" />
          }
        </ul>
      }
    </nz-card>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class ListCard<T> {
  /** The title's i18n key. */
  readonly title = input.required<string>();
  /** The i18n key of what it says when there are no items. */
  readonly empty = input.required<string>();
  readonly items = input.required<readonly T[]>();
  /** The load of the items (a `Loader` of @crm/web/core); without it the items are taken as loaded. */
  readonly state = input<LoadingState>();
  protected readonly line = contentChild.required(TemplateRef);
}
