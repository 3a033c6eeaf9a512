import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { IconButton } from './icon-button';

@Component({
  imports: [IconButton],
  template: `<crm-icon-button
    icon="close"
    label="shell.closeSearch"
    testId="search-close"
    danger
    (click)="clicks = clicks + 1"
  />`,
})
class Host {
  clicks = 0;
}

describe('IconButton', () => {
  it('is a text button named by its label, with its test id, whose click reaches the host', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'en' })] });
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(
      'button[data-testid="search-close"]',
    );
    expect(button?.getAttribute('aria-label')).toBe('shell.closeSearch');
    expect(button?.classList).toContain('ant-btn-text');
    expect(button?.classList).toContain('ant-btn-dangerous');
    expect(button?.querySelector('nz-icon')).not.toBeNull();
    button?.click();
    expect(fixture.componentInstance.clicks).toBe(1);
  });
});
