import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { KpiCatalogueEntry } from '@crm/shared/domain';
import { SaveAction } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { KpisApi } from '../kpis.api';

/**
 * An admin's inline form for one KPI's target, in the unit the API keeps (a ratio 0..1, a score 1..5, …); empty
 * means no target. Shows the API's message next to the field; a 409 says someone changed the target meanwhile and
 * reloads it.
 */
@Component({
  selector: 'crm-kpi-target-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzInputNumberModule],
  template: `
    <form class="editor" (ngSubmit)="save()">
      <nz-input-number
        [(ngModel)]="value"
        name="target"
        [nzStep]="entry().unit === 'ratio' ? 0.01 : 1"
        [nzPlaceHolder]="'kpis.noTarget' | translate"
        [attr.data-testid]="'kpi-target-input-' + entry().code"
      />
      <button
        nz-button
        nzSize="small"
        type="submit"
        [nzLoading]="action.saving()"
        [attr.data-testid]="'kpi-target-save-' + entry().code"
      >
        {{ 'kpis.saveTarget' | translate }}
      </button>
      <span class="hint">{{ 'kpis.targetHint.' + entry().unit | translate }}</span>
      @if (conflict()) {
        <span class="problem" [attr.data-testid]="'kpi-target-error-' + entry().code">{{
          'kpis.targetConflict' | translate
        }}</span>
      } @else if (action.error(); as e) {
        <span class="problem" [attr.data-testid]="'kpi-target-error-' + entry().code">{{ e.message }}</span>
      }
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .problem {
      color: #cf1322;
    }
  `,
})
export class KpiTargetEditor {
  private readonly api = inject(KpisApi);
  readonly entry = input.required<KpiCatalogueEntry>();
  /** The target was saved, or changed by someone else: the page loads the catalogue again. */
  readonly changed = output<void>();
  protected readonly value = signal<number | null>(null);
  protected readonly action = new SaveAction();
  protected readonly conflict = signal(false);

  constructor() {
    effect(() => this.value.set(this.entry().target));
  }

  protected async save(): Promise<void> {
    this.conflict.set(false);
    const { code, targetVersion } = this.entry();
    const saved = await this.action.run(
      () => this.api.setTarget(code, this.value() ?? null, targetVersion),
      (e) => this.conflict.set(e instanceof HttpErrorResponse && e.status === 409),
    );
    if (saved || this.conflict()) this.changed.emit();
  }
}
