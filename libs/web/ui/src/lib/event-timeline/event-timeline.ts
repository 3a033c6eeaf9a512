import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, input, TemplateRef } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

/**
 * A record's history in a card (a finding's, a request's), oldest first: each event a dot coloured by its kind and
 * its kind in bold (`labelPrefix + kind`, test id `event-<kind>`); the projected `<ng-template let-event>` draws the
 * rest of an event's line (its details, when and by whom).
 */
@Component({
  selector: 'crm-event-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslatePipe, NzCardModule, NzTimelineModule],
  templateUrl: './event-timeline.html',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class EventTimeline<E extends { kind: string }> {
  /** The card's title, an i18n key. */
  readonly title = input.required<string>();
  readonly events = input.required<readonly E[]>();
  /** Each kind's dot colour. */
  readonly colours = input.required<Readonly<Record<string, string>>>();
  /** The i18n key of a kind's label, less the kind. */
  readonly labelPrefix = input.required<string>();
  protected readonly details = contentChild.required(TemplateRef);
}
