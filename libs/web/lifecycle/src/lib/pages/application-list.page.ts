import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { APPLICATION_TYPES, ApplicationListItem, SLA_STATES } from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList } from '@crm/web/core';
import { FilterBar, SlaTag } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LifecycleApi } from '../lifecycle.api';

/** The applications list: open ones first, most urgent first, coloured by SLA. */
@Component({
  selector: 'crm-application-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, TranslatePipe, FilterBar, SlaTag, NzCardModule, NzSelectModule, NzTableModule],
  templateUrl: './application-list.page.html',
  styles: `
    .row {
      cursor: pointer;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ApplicationListPage {
  private readonly api = inject(LifecycleApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly statuses = ['open', 'completed', 'cancelled'];
  protected readonly slaStates = SLA_STATES;
  protected readonly types = APPLICATION_TYPES;
  protected readonly list = pagedList({
    filters: {
      status: { default: 'open', allowed: this.statuses },
      sla: { allowed: SLA_STATES },
      type: { allowed: APPLICATION_TYPES },
    },
    fetch: (query) => this.api.list(query),
  });
  protected readonly isManager = computed(() => this.auth.user()?.role === 'account_manager');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

  open(a: ApplicationListItem): void {
    void this.router.navigate(['/applications', a.id]);
  }
}
