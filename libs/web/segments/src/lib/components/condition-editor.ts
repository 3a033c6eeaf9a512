import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail, SegmentCondition, SegmentField, SegmentOperator } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeNodeOptions } from 'ng-zorro-antd/tree';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { changeField, changeOperator, problemPart, valueShape } from '../rule-edit';
import { FieldChoices, fieldLabel, fieldValues, localized } from '../rule-text';
import { RuleProblems } from './rule-problems';

const FIELD_GROUPS = ['attribute', 'behaviour'] as const;

/** The two ends of a range value. */
const RANGE_ENDS = [
  { index: 0, placeholder: 'segments.from', testId: 'condition-from' },
  { index: 1, placeholder: 'segments.to', testId: 'condition-to' },
] as const;

/** One condition of a rule: field, operator and a value input that fits both. */
@Component({
  selector: 'crm-condition-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NgTemplateOutlet,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTreeSelectModule,
    RuleProblems,
  ],
  templateUrl: './condition-editor.html',
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
    .section-hint {
      margin-top: 4px;
      font-size: 12px;
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
  protected readonly rangeEnds = RANGE_ENDS;
  /** The industry tree scrolls within the screen, whichever way it opens. */
  protected readonly industryDropdown = { 'max-height': '320px', 'overflow-y': 'auto' };

  protected readonly field = computed(() => this.fields().find((f) => f.key === this.condition().field));
  protected readonly fieldGroups = computed(() =>
    FIELD_GROUPS.map((key) => ({ key, fields: this.fields().filter((f) => f.group === key) })),
  );
  protected readonly shape = computed(() => valueShape(this.condition().operator));
  protected readonly values = computed(() => {
    const field = this.field();
    return field ? fieldValues(field, this.choices()) : null;
  });
  /**
   * The value's input: two numbers, one or several industries from the section → division tree, one or several
   * of the field's values, free tags, a number, text or none.
   */
  protected readonly valueInput = computed(() => {
    const shape = this.shape();
    if (shape === 'none' || shape === 'range') return shape;
    if (this.field()?.options === 'industries') return shape === 'list' ? 'industries' : 'industry';
    if (this.values()) return shape === 'list' ? 'choices' : 'choice';
    if (shape === 'list') return 'tags';
    return this.field()?.type === 'number' ? 'number' : 'text';
  });
  /** The industries as a tree: a section (e.g. C 制造业, meaning all its divisions) over its divisions. */
  protected readonly industryNodes = computed((): NzTreeNodeOptions[] => {
    const language = this.language.current();
    return this.choices().industrySections.map((section) => ({
      key: section.value as string,
      title: localized(section, language),
      children: section.divisions.map((d) => ({ key: d.value as string, title: localized(d, language), isLeaf: true })),
    }));
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
