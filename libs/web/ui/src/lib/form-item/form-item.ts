import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { AbstractControl, NgModel } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzFormStatusService } from 'ng-zorro-antd/core/form';
import { NzFormControlComponent, NzFormModule } from 'ng-zorro-antd/form';

/**
 * One labelled field of a reactive form whose input `crm-form-field` does not offer (a date picker, a text
 * area, a select searched on the server…): the label, the projected input bound to `control`, and the
 * control's validation state and error tip while it is invalid. Put `nz-col [nzSpan]` on it to lay it out in a
 * row. A template-driven form (no control to show the state of) labels its inputs with `crm-field` instead.
 */
@Component({
  selector: 'crm-form-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzFormModule],
  // The projected input finds its status here: it sits outside the injector of the form control below.
  providers: [NzFormStatusService],
  templateUrl: './form-item.html',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FormItem {
  readonly control = input.required<AbstractControl>();
  /** The i18n key of the label. */
  readonly label = input.required<string>();
  /** The projected input's id, which the label points at. */
  readonly inputId = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });
  readonly errorTip = input<string | TemplateRef<{ $implicit: AbstractControl | NgModel }>>();
  /** The i18n key of a hint below the input. */
  readonly extra = input<string>();
  private readonly inputStatus = inject(NzFormStatusService, { self: true });
  private readonly controlStatus = viewChild(NzFormControlComponent, { read: NzFormStatusService });

  constructor() {
    effect((onCleanup) => {
      const status = this.controlStatus();
      if (!status) return;
      const forwarding = status.formStatusChanges.subscribe((s) => this.inputStatus.formStatusChanges.next(s));
      onCleanup(() => forwarding.unsubscribe());
    });
  }
}
