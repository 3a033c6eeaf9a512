import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, input, TemplateRef } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';

/**
 * A card listing a few items, one a line ("My day"'s requests due, findings to rectify, applications at risk), or
 * saying there are none. The projected `<ng-template let-item>` draws an item's line.
 */
@Component({
  selector: 'crm-list-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslatePipe, NzCardModule, NzEmptyModule],
  template: `
    <nz-card [nzTitle]="title() | translate">
      <ul class="crm-list">
        @for (item of items(); track $index) {
          <li><ng-container *ngTemplateOutlet="line(); context: { $implicit: item }" /></li>
        } @empty {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="empty() | translate" />
        }
      </ul>
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
  protected readonly line = contentChild.required(TemplateRef);
}
