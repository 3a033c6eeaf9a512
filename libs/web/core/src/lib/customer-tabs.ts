import { Injectable, InjectionToken, Provider, signal, Type } from '@angular/core';
import { Customer } from '@crm/shared/domain';

/**
 * A tab of the customer page that a feature library brings. The page shows it (lazily, with the input
 * `customerId`) only when some library provides it; `key` is its `?tab=` in the URL, and its title is the
 * translation `customerTabs.<key>`.
 */
export interface CustomerTab {
  key: string;
  order: number;
  loadComponent: () => Promise<Type<unknown>>;
}

export const CUSTOMER_TABS = new InjectionToken<CustomerTab[]>('CUSTOMER_TABS');

/** Adds a tab to the customer page (in the application's providers). */
export function provideCustomerTab(tab: CustomerTab): Provider {
  return { provide: CUSTOMER_TABS, useValue: tab, multi: true };
}

/** The customer a customer page shows, for its tabs: provided by the page, read by the tabs' components. */
@Injectable()
export class CustomerContext {
  readonly customer = signal<Customer | null>(null);
  private onChange: () => void = () => undefined;

  /** The page's way to load the customer again. */
  reloadWith(reload: () => void): void {
    this.onChange = reload;
  }

  /** A tab changed the customer (e.g. its stage): the page loads it again. */
  changed(): void {
    this.onChange();
  }
}
