import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ExportChoice, ExportMenu } from './export-menu';

@Component({
  imports: [ExportMenu],
  template: `<crm-export-menu label="requests.export" testIdPrefix="request-export" (chosen)="chosen.push($event)" />`,
})
class Host {
  readonly chosen: ExportChoice[] = [];
}

describe('ExportMenu', () => {
  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('drops down the formats and the raw codes from its button and emits the one chosen, in the UI language', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'en' }), provideNzIconsTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    const button = fixture.nativeElement.querySelector('[data-testid="request-export"]') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('requests.export');
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await fixture.whenStable();
    document.querySelector<HTMLElement>('[data-testid="request-export-xlsx"]')?.click();
    document.querySelector<HTMLElement>('[data-testid="request-export-csv"]')?.click();
    const raw = document.querySelector<HTMLElement>('[data-testid="request-export-raw"]');
    expect(raw?.textContent?.trim()).toBe('common.exportRaw');
    raw?.click();
    expect(fixture.componentInstance.chosen).toEqual([
      { format: 'xlsx', lang: 'en', raw: false },
      { format: 'csv', lang: 'en', raw: false },
      { format: 'csv', lang: 'en', raw: true },
    ]);
  }, 20_000);
});
