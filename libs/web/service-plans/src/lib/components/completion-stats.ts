import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { LanguageService } from '@crm/web/core';
import { Chart, DisplayPipe, TABLE, TableColumn } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { completionChart, CompletionRow, completionRows } from '../completion';
import { ServicePlansApi, TaskStats } from '../service-plans.api';

/** The columns of a completion table whose rows are named by `title` (managers or plans). */
function completionColumns(title: string): TableColumn<CompletionRow>[] {
  return [
    { key: 'name', label: title },
    { key: 'due', label: 'servicePlans.due', kind: 'number' },
    { key: 'done', label: 'servicePlans.done', kind: 'number' },
    { key: 'overdue', label: 'servicePlans.overdue', align: 'right' },
    { key: 'percent', label: 'servicePlans.completion', align: 'right' },
  ];
}

/** How well the planned services are done: per manager and per plan, tasks due so far, as tables and bars. */
@Component({
  selector: 'crm-completion-stats',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, DisplayPipe, TranslatePipe, Chart, NzCardModule, NzGridModule],
  templateUrl: './completion-stats.html',
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
    }
    .overdue {
      color: #cf1322;
    }
  `,
})
export class CompletionStats implements OnInit {
  private readonly api = inject(ServicePlansApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly stats = signal<TaskStats | null>(null);
  protected readonly row = { attrs: () => ({ 'data-testid': 'completion-row' }) };
  protected readonly groups = computed(() => {
    this.language.current();
    const stats = this.stats();
    if (!stats) return [];
    const label = this.translate.instant('servicePlans.completion') as string;
    const group = (key: string, title: string, rows: CompletionRow[]) => ({
      key,
      title,
      rows,
      columns: completionColumns(title),
      chart: completionChart(rows, label),
    });
    return [
      group(
        'managers',
        'servicePlans.manager',
        completionRows(stats.byManager, (r) => ({ id: r.manager.id, name: r.manager.displayName })),
      ),
      group(
        'plans',
        'servicePlans.plan',
        completionRows(stats.byPlan, (r) => ({ id: r.plan.id, name: r.plan.name })),
      ),
    ];
  });

  ngOnInit(): void {
    void this.api.stats().then((s) => this.stats.set(s));
  }
}
