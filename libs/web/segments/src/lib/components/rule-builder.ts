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
  problemPart,
  removeNode,
  replaceNode,
  setGroupOp,
} from '../rule-edit';
import { FieldChoices } from '../rule-text';
import { ConditionEditor } from './condition-editor';

/**
 * Edits a segment rule: groups combining their entries with AND or OR, conditions and nested groups.
 * `rule` is two-way: every change is a new rule. `problems` (from segmentRuleProblems or a 400 response)
 * mark the conditions and groups they are about.
 */
@Component({
  selector: 'crm-rule-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, FormsModule, TranslatePipe, NzButtonModule, NzIconModule, NzRadioModule, ConditionEditor],
  template: `
    <ng-container *ngTemplateOutlet="groupTemplate; context: { $implicit: root() }" />

    <ng-template #groupTemplate let-group>
      <div class="group" [class.nested]="group.path.length" [attr.data-testid]="testId('group', group.key)">
        <div class="head">
          <nz-radio-group
            nzButtonStyle="solid"
            nzSize="small"
            [ngModel]="group.op"
            (ngModelChange)="setOp(group.path, $event)"
            data-testid="group-op"
          >
            <label nz-radio-button nzValue="and">{{ 'segments.op.and' | translate }}</label>
            <label nz-radio-button nzValue="or">{{ 'segments.op.or' | translate }}</label>
          </nz-radio-group>
          <span class="hint">{{ 'segments.opHint.' + group.op | translate }}</span>
          <span class="spacer"></span>
          @if (group.path.length) {
            <button
              nz-button
              nzType="text"
              nzDanger
              nzSize="small"
              (click)="remove(group.path)"
              data-testid="group-remove"
            >
              <nz-icon nzType="delete" />{{ 'segments.removeGroup' | translate }}
            </button>
          }
        </div>
        @for (p of group.problems; track $index) {
          <div class="problem" [title]="p.field + ': ' + p.message">
            {{ 'segments.problem.' + part(p) | translate }}
          </div>
        }
        @for (child of group.children; track child.key) {
          @if (child.kind === 'group') {
            <ng-container *ngTemplateOutlet="groupTemplate; context: { $implicit: child }" />
          } @else {
            <crm-condition-editor
              class="condition"
              [condition]="child.condition"
              [fields]="fields()"
              [choices]="choices()"
              [problems]="child.problems"
              (changed)="replace(child.path, $event)"
              (removed)="remove(child.path)"
              [attr.data-testid]="testId('condition', child.key)"
            />
          }
        } @empty {
          <div class="empty">{{ 'segments.emptyGroup' | translate }}</div>
        }
        <div class="actions">
          <button
            nz-button
            nzType="dashed"
            nzSize="small"
            (click)="addCondition(group.path)"
            data-testid="add-condition"
          >
            <nz-icon nzType="plus" />{{ 'segments.addCondition' | translate }}
          </button>
          @if (canAddGroup(group.path)) {
            <button nz-button nzType="dashed" nzSize="small" (click)="addGroup(group.path)" data-testid="add-group">
              <nz-icon nzType="plus" />{{ 'segments.addGroup' | translate }}
            </button>
          }
        </div>
      </div>
    </ng-template>
  `,
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
    .spacer {
      flex: 1;
    }
    .hint,
    .empty {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .problem {
      color: #ff4d4f;
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
  protected readonly part = problemPart;

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
