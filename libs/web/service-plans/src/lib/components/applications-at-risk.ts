import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApplicationListItem, Page } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { DisplayPipe } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApplicationsAtRisk } from '../service-plans.api';

interface Part {
  sla: 'overdue' | 'warning';
  colour: string;
  page: Page<ApplicationListItem>;
}

/**
 * My day's time-limit card (时限预警): the open applications past their step's time limit and, apart, those close
 * to it, each part with how many there are in all, its first few, and a link to the whole list.
 */
@Component({
  selector: 'crm-applications-at-risk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, RouterLink, TranslatePipe, NzCardModule, NzTagModule],
  templateUrl: './applications-at-risk.html',
  styles: `
    :host {
      display: block;
    }
    h4 {
      margin: 0 0 4px;
      font-size: 14px;
    }
    .part + .part {
      margin-top: 12px;
    }
  `,
})
export class ApplicationsAtRiskCard {
  /** Null while loading. */
  readonly risk = input.required<ApplicationsAtRisk | null>();
  private readonly language = inject(LanguageService);
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  protected readonly parts = computed((): Part[] => {
    const risk = this.risk();
    if (!risk) return [];
    return [
      { sla: 'overdue', colour: 'red', page: risk.overdue },
      { sla: 'warning', colour: 'orange', page: risk.warning },
    ];
  });
}
