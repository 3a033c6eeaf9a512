import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiError, APPLICATION_TYPES, ApplicationListItem, ApplicationType } from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { SlaTag } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LifecycleApi } from '../lifecycle.api';

/** A customer's applications, with the button that starts a new one; for the customer page. */
@Component({
  selector: 'crm-customer-applications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    SlaTag,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
  ],
  template: `
    <nz-card [nzTitle]="'applications.ofCustomer' | translate" [nzExtra]="extra" data-testid="customer-applications">
      <nz-table #t [nzData]="items()" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small">
        <thead>
          <tr>
            <th>{{ 'applications.type' | translate }}</th>
            <th>{{ 'applications.status' | translate }}</th>
            <th>{{ 'applications.currentStep' | translate }}</th>
            <th>{{ 'applications.dueDate' | translate }}</th>
            <th>{{ 'applications.sla' | translate }}</th>
            <th>{{ 'applications.receivedAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of t.data; track a.id) {
            <tr>
              <td>
                <a [routerLink]="['/applications', a.id]">{{ 'applicationType.' + a.type | translate }}</a>
              </td>
              <td>{{ 'applicationStatus.' + a.status | translate }}</td>
              <td>{{ (zh() ? a.currentStepName : a.currentStepNameEn) ?? '—' }}</td>
              <td>{{ a.dueDate ?? '—' }}</td>
              <td>
                @if (a.status === 'open') {
                  <crm-sla-tag [sla]="a.sla" />
                }
              </td>
              <td>{{ a.receivedAt | date: 'yyyy-MM-dd' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra>
      @if (canStart()) {
        <button nz-button nzType="primary" nzSize="small" (click)="startNew()" data-testid="new-application">
          {{ 'applications.new' | translate }}
        </button>
      }
    </ng-template>
    <nz-modal
      [nzVisible]="creating()"
      [nzTitle]="'applications.new' | translate"
      (nzOnCancel)="creating.set(false)"
      (nzOnOk)="create()"
      [nzOkLoading]="busy()"
      [nzOkDisabled]="!type"
    >
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="field" nzType="error" [nzMessage]="message" data-testid="new-application-error" />
        }
        <div class="field">
          <label for="type">{{ 'applications.type' | translate }}</label>
          <nz-select id="type" [(ngModel)]="type" data-testid="new-application-type">
            @for (t of types; track t) {
              <nz-option [nzValue]="t" [nzLabel]="'applicationType.' + t | translate" />
            }
          </nz-select>
        </div>
        @if (type === 'new_connection' || type === 'capacity_increase' || type === 'capacity_reduction') {
          <div class="field">
            <label for="capacity">{{ 'applications.requestedCapacity' | translate }} (kVA)</label>
            <nz-input-number id="capacity" [(ngModel)]="requestedCapacityKva" [nzMin]="1" />
          </div>
        }
        @if (type === 'new_connection' || type === 'capacity_increase') {
          <div class="field">
            <label nz-checkbox [(ngModel)]="dualSupply">{{ 'applications.dualSupply' | translate }}</label>
          </div>
        }
        @if (type === 'transfer') {
          <div class="field">
            <label for="owner">{{ 'applications.newOwner' | translate }}</label>
            <input nz-input id="owner" [(ngModel)]="newOwnerName" />
          </div>
        }
        <div class="field">
          <label for="received">{{ 'applications.receivedAtOptional' | translate }}</label>
          <nz-date-picker id="received" nzShowTime [(ngModel)]="receivedAt" [nzDisabledDate]="noFuture" />
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .field {
      margin-bottom: 12px;
    }
    .field label {
      display: block;
      margin-bottom: 4px;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class CustomerApplications {
  readonly customerId = input.required<string>();
  /** The customer's stage, to hide the button on closed customers. */
  readonly stage = input<string>('');
  /** Emitted after an application was started (the customer's stage may have changed). */
  readonly changed = output<void>();
  private readonly api = inject(LifecycleApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly types = APPLICATION_TYPES;
  protected readonly items = signal<ApplicationListItem[]>([]);
  protected readonly creating = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  protected readonly canStart = computed(() => this.auth.user()?.role !== 'marketing' && this.stage() !== 'closed');
  protected type: ApplicationType | null = null;
  protected requestedCapacityKva: number | null = null;
  protected dualSupply = false;
  protected newOwnerName = '';
  protected receivedAt: Date | null = null;
  protected readonly noFuture = (d: Date) => d.getTime() > Date.now();

  constructor() {
    effect(() => void this.load(this.customerId()));
  }

  async load(customerId: string): Promise<void> {
    this.items.set((await this.api.list({ customerId, page: 1, pageSize: 100 })).items);
  }

  startNew(): void {
    this.type = null;
    this.requestedCapacityKva = null;
    this.dualSupply = false;
    this.newOwnerName = '';
    this.receivedAt = null;
    this.error.set(null);
    this.creating.set(true);
  }

  async create(): Promise<void> {
    if (!this.type) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.create(this.customerId(), {
        type: this.type,
        requestedCapacityKva: this.requestedCapacityKva ?? undefined,
        dualSupply: this.dualSupply || undefined,
        newOwnerName: this.newOwnerName || undefined,
        receivedAt: this.receivedAt?.toISOString(),
      });
      this.creating.set(false);
      await this.load(this.customerId());
      this.changed.emit();
    } catch (e) {
      this.error.set((e instanceof HttpErrorResponse ? (e.error as Partial<ApiError>)?.message : null) ?? String(e));
    } finally {
      this.busy.set(false);
    }
  }
}
