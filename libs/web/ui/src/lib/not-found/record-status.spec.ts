import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { RecordStatus } from './record-status';

@Component({
  imports: [RecordStatus],
  template: `<crm-record-status [state]="state" [loaded]="loaded()" back="/requests" backLabel="requests.back" />`,
})
class Host {
  readonly state = { loading: signal(true), error: signal(null), notFound: signal(false), retry: () => undefined };
  readonly loaded = signal(false);
}

describe('RecordStatus', () => {
  it('shows the skeleton while the record loads, nothing once it is shown, and "not found" with the way back', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideTranslateService({ lang: 'en' })] });
    TestBed.inject(TranslateService).setTranslation('en', { requests: { back: 'Back to the requests' } });
    const fixture = TestBed.createComponent(Host);
    const page = fixture.nativeElement as HTMLElement;
    fixture.autoDetectChanges();
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="loading"]')).not.toBeNull();
    expect(page.querySelector('crm-not-found')).toBeNull();

    fixture.componentInstance.loaded.set(true);
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="loading"]')).toBeNull();

    fixture.componentInstance.state.notFound.set(true);
    await fixture.whenStable();
    const back = page.querySelector('crm-not-found a');
    expect(back?.textContent?.trim()).toBe('Back to the requests');
    expect(back?.getAttribute('href')).toBe('/requests');
    expect(page.querySelector('crm-load-status')).toBeNull();
  });
});
