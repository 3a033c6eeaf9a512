import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideHistoryCustomerTab } from '@crm/web/change-history/customer-tab';
import { provideCore } from '@crm/web/core';
import { provideApplicationsCustomerTab } from '@crm/web/lifecycle/customer-tab';
import { provideAuditCustomerTab } from '@crm/web/marketing-audit/customer-tab';
import { provideUsageCustomerTab } from '@crm/web/operational-data';
import { provideScoresCustomerTab } from '@crm/web/scoring/customer-tab';
import { providePlansCustomerTab } from '@crm/web/service-plans/customer-tab';
import { provideRequestsCustomerTab } from '@crm/web/work-orders/customer-tab';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';
import { appIcons } from './app.icons';
import { appRoutes } from './app.routes';

// The UI library formats dates (calendars, date pickers) with Angular's locale data; English is built in.
registerLocaleData(localeZh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideCore({
      translationParts: [
        'customers',
        'lifecycle',
        'operational-data',
        'data-import',
        'scoring',
        'scoring-admin',
        'segments',
        'service-plans',
        'notifications',
        'shell',
        'change-history',
        'users',
        'work-orders',
        'service-quality',
        'marketing-audit',
        'kpis',
        'monthly-report',
        'messages',
      ],
    }),
    // The customer page's tabs, each from the library that owns its data.
    provideApplicationsCustomerTab(),
    provideRequestsCustomerTab(),
    providePlansCustomerTab(),
    provideUsageCustomerTab(),
    provideScoresCustomerTab(),
    provideAuditCustomerTab(),
    provideHistoryCustomerTab(),
    provideEchartsCore({ echarts: () => import('echarts') }),
    provideNzIcons(appIcons),
  ],
};
