import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { KpiItem, kpiDefinition } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart } from '@crm/web/ui';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { KpiTile } from './kpi-tile';

/** Stands in for the ECharts chart, which needs a canvas. */
@Component({ selector: 'crm-chart', template: '' })
class NoChart {
  readonly options = input<unknown>();
  readonly height = input('');
}

const ITEM: KpiItem = {
  code: 'customers_by_stage',
  unit: 'count',
  value: 1234,
  numerator: 1234,
  denominator: null,
  target: 1000,
  previous: 1300,
  sparkline: [null, 1200, 1300, 1234],
  breakdown: [
    { key: 'active', value: 1200, drill: { path: '/customers', api: '/api/customers', query: { stage: 'active' } } },
    { key: 'applying', value: 34 },
  ],
  drill: { path: '/customers', api: '/api/customers', query: { stage: 'active,applying' } },
};

async function render(item: KpiItem): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideTranslateService({ lang: 'en' }), provideNzIconsTesting()],
  });
  TestBed.overrideComponent(KpiTile, { remove: { imports: [Chart] }, add: { imports: [NoChart] } });
  TestBed.inject(TranslateService).setTranslation('en', {
    stage: { active: 'Active', applying: 'Applying' },
    kpis: { met: 'Met', missed: 'Not met', target: { up: 'target ≥ {{target}}' }, vsLastMonth: 'vs last month' },
  });
  TestBed.inject(TranslateService).use('en');
  TestBed.inject(LanguageService).current.set('en');
  const fixture = TestBed.createComponent(KpiTile);
  fixture.componentRef.setInput('item', item);
  fixture.componentRef.setInput('definition', kpiDefinition(item.code));
  fixture.componentRef.setInput('period', '2026-11');
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement;
}

const text = (element: HTMLElement, testId: string) =>
  element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('KpiTile', () => {
  it('shows the name, the value as a link to its records, the target met and the change', async () => {
    const element = await render(ITEM);
    expect(text(element, 'kpi-name-customers_by_stage')).toBe('Customers by stage');
    const value = element.querySelector('[data-testid="kpi-value-customers_by_stage"]');
    expect(value?.tagName).toBe('A');
    expect(value?.textContent?.trim()).toBe('1,234');
    expect(value?.getAttribute('href')).toBe('/customers?stage=active,applying');
    expect(text(element, 'kpi-target-customers_by_stage')).toBe('Met · target ≥ 1,000');
    expect(text(element, 'kpi-change-customers_by_stage')).toBe('−66 vs last month');
    expect(element.querySelector('[data-testid="kpi-change-customers_by_stage"]')?.className).toBe('worse');
  });

  it('names the parts it breaks into, each linking to its records when it can', async () => {
    const element = await render(ITEM);
    const parts = [...element.querySelectorAll('[data-testid="kpi-parts-customers_by_stage"] li')];
    const cells = parts.map((li) => [...li.children].map((c) => c.textContent?.trim()));
    expect(cells).toEqual([
      ['Active', '', '1,200'],
      ['Applying', '', '34'],
    ]);
    expect(element.querySelector('[data-testid="kpi-part-customers_by_stage-active"]')?.getAttribute('href')).toBe(
      '/customers?stage=active',
    );
    expect(element.querySelector('[data-testid="kpi-part-customers_by_stage-applying"]')?.tagName).toBe('SPAN');
  });

  it('shows a plain value without a link when nothing lists its records', async () => {
    const element = await render({
      ...ITEM,
      code: 'time_limit_compliance_rate',
      unit: 'ratio',
      value: 0.9712,
      target: 0.98,
      previous: 0.95,
      breakdown: undefined,
      drill: undefined,
    });
    const value = element.querySelector('[data-testid="kpi-value-time_limit_compliance_rate"]');
    expect(value?.tagName).toBe('SPAN');
    expect(value?.textContent?.trim()).toBe('97.1%');
    expect(text(element, 'kpi-target-time_limit_compliance_rate')).toBe('Not met · target ≥ 98.0%');
    expect(element.querySelector('[data-testid="kpi-change-time_limit_compliance_rate"]')?.className).toBe('better');
  });
});
