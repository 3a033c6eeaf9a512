import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail, SegmentCondition, SegmentField, SegmentOperator } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { changeField, changeOperator, problemPart, valueShape } from '../rule-edit';
import { FieldChoices, fieldLabel, fieldValues, localized } from '../rule-text';

const FIELD_GROUPS = ['attribute', 'behaviour'] as const;

/** One condition of a rule: field, operator and a value input that fits both. */
@Component({
  selector: 'crm-condition-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  template: `
    <div class="row">
      <nz-select
        class="field"
        nzShowSearch
        [ngModel]="condition().field"
        (ngModelChange)="setField($event)"
        [nzStatus]="invalid('field')"
        data-testid="condition-field"
      >
        @for (group of fieldGroups(); track group.key) {
          <nz-option-group [nzLabel]="'segments.fieldGroup.' + group.key | translate">
            @for (f of group.fields; track f.key) {
              <nz-option [nzValue]="f.key" [nzLabel]="fieldLabel(f, language.current())" />
            }
          </nz-option-group>
        }
      </nz-select>
      <nz-select
        class="operator"
        [ngModel]="condition().operator"
        (ngModelChange)="setOperator($event)"
        [nzStatus]="invalid('operator')"
        data-testid="condition-operator"
      >
        @for (op of field()?.operators ?? []; track op) {
          <nz-option [nzValue]="op" [nzLabel]="'segments.operator.' + op | translate" />
        }
      </nz-select>
      @switch (shape()) {
        @case ('range') {
          <nz-input-number
            [ngModel]="range()[0]"
            (ngModelChange)="setRange(0, $event)"
            [nzPlaceHolder]="'segments.from' | translate"
            [nzStatus]="invalid('value')"
            data-testid="condition-from"
          />
          <span>–</span>
          <nz-input-number
            [ngModel]="range()[1]"
            (ngModelChange)="setRange(1, $event)"
            [nzPlaceHolder]="'segments.to' | translate"
            [nzStatus]="invalid('value')"
            data-testid="condition-to"
          />
        }
        @case ('list') {
          @if (values(); as choices) {
            <nz-select
              class="value"
              nzMode="multiple"
              nzShowSearch
              [ngModel]="condition().value"
              (ngModelChange)="setValue($event)"
              [nzPlaceHolder]="'segments.choose' | translate"
              [nzStatus]="invalid('value')"
              data-testid="condition-value"
            >
              @for (v of choices; track v.value) {
                <nz-option [nzValue]="v.value" [nzLabel]="localized(v, language.current())" />
              }
            </nz-select>
          } @else {
            <nz-select
              class="value"
              nzMode="tags"
              [ngModel]="condition().value"
              (ngModelChange)="setValue($event)"
              [nzTokenSeparators]="[',', '，']"
              [nzPlaceHolder]="'segments.tagsHint' | translate"
              [nzStatus]="invalid('value')"
              data-testid="condition-value"
            />
          }
        }
        @case ('single') {
          @if (values(); as choices) {
            <nz-select
              class="value"
              nzShowSearch
              [ngModel]="condition().value"
              (ngModelChange)="setValue($event)"
              [nzPlaceHolder]="'segments.choose' | translate"
              [nzStatus]="invalid('value')"
              data-testid="condition-value"
            >
              @for (v of choices; track v.value) {
                <nz-option [nzValue]="v.value" [nzLabel]="localized(v, language.current())" />
              }
            </nz-select>
          } @else if (field()?.type === 'number') {
            <nz-input-number
              [ngModel]="condition().value"
              (ngModelChange)="setValue($event)"
              [nzStatus]="invalid('value')"
              data-testid="condition-value"
            />
          } @else {
            <input
              nz-input
              class="value"
              [ngModel]="condition().value"
              (ngModelChange)="setValue($event)"
              [nzStatus]="invalid('value')"
              data-testid="condition-value"
            />
          }
        }
      }
      <button
        nz-button
        nzType="text"
        nzDanger
        (click)="removed.emit()"
        [title]="'segments.removeCondition' | translate"
        data-testid="condition-remove"
      >
        <nz-icon nzType="delete" />
      </button>
    </div>
    @for (p of problems(); track $index) {
      <div class="problem" [title]="p.field + ': ' + p.message" data-testid="condition-problem">
        {{ 'segments.problem.' + part(p) | translate }}
      </div>
    }
  `,
  styles: `
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .field {
      width: 200px;
      flex: none;
    }
    .operator {
      width: 110px;
      flex: none;
    }
    .value {
      flex: 1;
      min-width: 120px;
    }
    .problem {
      color: #ff4d4f;
      font-size: 12px;
      margin-top: 2px;
    }
  `,
})
export class ConditionEditor {
  readonly condition = input.required<SegmentCondition>();
  readonly fields = input.required<readonly SegmentField[]>();
  readonly choices = input.required<FieldChoices>();
  readonly problems = input<readonly ErrorDetail[]>([]);
  readonly changed = output<SegmentCondition>();
  readonly removed = output<void>();
  protected readonly language = inject(LanguageService);
  protected readonly fieldLabel = fieldLabel;
  protected readonly localized = localized;
  protected readonly part = problemPart;

  protected readonly field = computed(() => this.fields().find((f) => f.key === this.condition().field));
  protected readonly fieldGroups = computed(() =>
    FIELD_GROUPS.map((key) => ({ key, fields: this.fields().filter((f) => f.group === key) })),
  );
  protected readonly shape = computed(() => valueShape(this.condition().operator));
  protected readonly values = computed(() => {
    const field = this.field();
    return field ? fieldValues(field, this.choices()) : null;
  });
  protected readonly range = computed(() => {
    const value = this.condition().value;
    return Array.isArray(value) ? value : [null, null];
  });

  protected invalid(part: ReturnType<typeof problemPart>): 'error' | '' {
    return this.problems().some((p) => problemPart(p) === part) ? 'error' : '';
  }

  protected setField(key: string): void {
    const field = this.fields().find((f) => f.key === key);
    if (field) this.changed.emit(changeField(this.condition(), field));
  }

  protected setOperator(operator: SegmentOperator): void {
    this.changed.emit(changeOperator(this.condition(), operator));
  }

  protected setValue(value: unknown): void {
    this.changed.emit({ ...this.condition(), value });
  }

  protected setRange(index: 0 | 1, value: number | null): void {
    const range = [...this.range()];
    range[index] = value;
    this.setValue(range);
  }
}
