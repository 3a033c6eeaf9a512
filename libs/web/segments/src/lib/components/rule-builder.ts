import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail, SegmentCondition, SegmentField, SegmentRule } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import {
  addCondition,
  addGroup,
  canAddGroup,
  groupView,
  NodePath,
  removeNode,
  replaceNode,
  setGroupOp,
} from '../rule-edit';
import { FieldChoices } from '../rule-text';
import { ConditionEditor } from './condition-editor';
import { RuleProblems } from './rule-problems';

/**
 * Edits a segment rule: groups combining their entries with AND or OR, conditions and nested groups.
 * `rule` is two-way: every change is a new rule. `problems` (from segmentRuleProblems or a 400 response)
 * mark the conditions and groups they are about.
 */
@Component({
  selector: 'crm-rule-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzRadioModule,
    ConditionEditor,
    RuleProblems,
  ],
  templateUrl: './rule-builder.html',
  styles: `
    .group {
      border: 1px solid #d9d9d9;
      border-left: 3px solid #1677ff;
      border-radius: 4px;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .group.nested {
      border-left-color: #fa8c16;
      background: #fafafa;
    }
    .head,
    .actions {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .hint,
    .empty {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class RuleBuilder {
  readonly rule = model.required<SegmentRule>();
  readonly fields = input.required<readonly SegmentField[]>();
  readonly choices = input.required<FieldChoices>();
  readonly problems = input<readonly ErrorDetail[]>([]);
  protected readonly root = computed(() => groupView(this.rule(), this.problems()));
  protected readonly canAddGroup = canAddGroup;

  protected testId(kind: 'group' | 'condition', key: string): string {
    return key ? `${kind}-${key}` : kind;
  }

  protected setOp(path: NodePath, op: SegmentRule['op']): void {
    this.rule.set(setGroupOp(this.rule(), path, op));
  }

  /** New conditions start on the first field of the catalog. */
  protected addCondition(path: NodePath): void {
    this.rule.set(addCondition(this.rule(), path, this.fields()[0]));
  }

  protected addGroup(path: NodePath): void {
    this.rule.set(addGroup(this.rule(), path, this.fields()[0]));
  }

  protected remove(path: NodePath): void {
    this.rule.set(removeNode(this.rule(), path));
  }

  protected replace(path: NodePath, condition: SegmentCondition): void {
    this.rule.set(replaceNode(this.rule(), path, condition));
  }
}
