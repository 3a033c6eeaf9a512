import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideCore } from '@crm/web/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';
import { appIcons } from './app.icons';
import { appRoutes } from './app.routes';

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
      ],
    }),
    provideEchartsCore({ echarts: () => import('echarts') }),
    provideNzIcons(appIcons),
  ],
};
