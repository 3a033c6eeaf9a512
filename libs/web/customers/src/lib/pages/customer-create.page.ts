import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Customer, NewCustomer } from '@crm/shared/domain';
import { AuthStore } from '@crm/web/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { CustomerForm, CustomerFormValue } from '../components/customer-form';
import { CustomersApi } from '../customers.api';

@Component({
  selector: 'crm-customer-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, CustomerForm, NzCardModule],
  templateUrl: './customer-create.page.html',
})
export class CustomerCreatePage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  protected readonly chooseManager = computed(() => this.auth.user()?.role !== 'account_manager');
  protected readonly save = (value: CustomerFormValue): Promise<Customer> => this.api.create(value as NewCustomer);

  created(customer: Customer): void {
    void this.router.navigate(['/customers', customer.id]);
  }

  back(): void {
    void this.router.navigate(['/customers']);
  }
}
