import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditFindingListEntry } from '@crm/shared/domain';
import { Loader } from '@crm/web/core';
import { ListCard } from '@crm/web/ui';
import { AuditRulesStore } from '../audit-rules.store';
import { MarketingAuditApi } from '../marketing-audit.api';
import { SeverityTag } from './finding-tags';

/** The most findings the card shows. */
const FETCH = 20;

/**
 * "My day": the open findings of the manager's customers (the API scopes them) by due date, so those past their
 * deadline come first; each opens the finding.
 */
@Component({
  selector: 'crm-findings-to-rectify',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ListCard, SeverityTag],
  templateUrl: './findings-to-rectify.html',
  styles: `
    :host {
      display: block;
    }
    .overdue {
      color: #cf1322;
    }
  `,
})
export class FindingsToRectify implements OnInit {
  private readonly api = inject(MarketingAuditApi);
  protected readonly rules = inject(AuditRulesStore);
  protected readonly findings = signal<AuditFindingListEntry[]>([]);
  protected readonly load = new Loader();

  ngOnInit(): void {
    this.rules.load();
    void this.load.run(
      () => this.api.findings({ state: 'open', page: 1, pageSize: FETCH, sort: 'dueOn' }),
      (page) => this.findings.set(page.items),
    );
  }
}
