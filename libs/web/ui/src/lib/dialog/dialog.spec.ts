import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { Dialog } from './dialog';

@Component({
  imports: [Dialog],
  template: `
    <crm-dialog
      title="Cancel the application"
      [error]="error()"
      errorTestId="dialog-error"
      [canConfirm]="ready()"
      okText="Confirm"
      (confirmed)="confirmed = confirmed + 1"
      (cancelled)="cancelled = cancelled + 1"
    >
      <textarea data-testid="reason"></textarea>
    </crm-dialog>
  `,
})
class Host {
  readonly error = signal<string | null>(null);
  readonly ready = signal(true);
  confirmed = 0;
  cancelled = 0;
}

async function render(): Promise<ComponentFixture<Host>> {
  TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'en' })] });
  const fixture = TestBed.createComponent(Host);
  fixture.autoDetectChanges();
  await fixture.whenStable();
  return fixture;
}

/** The modal is drawn in the overlay container, outside the host. */
const modal = () => document.querySelector('.ant-modal') as HTMLElement;
/** The footer's buttons: cancel, then OK. */
const buttons = () => [...modal().querySelectorAll<HTMLButtonElement>('.ant-modal-footer button')];
const ok = () => buttons()[1];
const cancel = () => buttons()[0];

describe('Dialog', () => {
  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('shows the title, the fields put inside it, and the OK label given', async () => {
    await render();
    expect(modal().querySelector('.ant-modal-title')?.textContent).toContain('Cancel the application');
    expect(modal().querySelector('[data-testid="reason"]')).not.toBeNull();
    expect(ok().textContent?.trim()).toBe('Confirm');
  });

  it('shows why the last try failed above the fields, and nothing while none did', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    expect(modal().querySelector('[data-testid="dialog-error"]')).toBeNull();
    host.error.set('The application was changed meanwhile');
    await fixture.whenStable();
    expect(modal().querySelector('[data-testid="dialog-error"]')?.textContent).toContain(
      'The application was changed meanwhile',
    );
  });

  it('emits confirmed on OK and cancelled on cancel', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    ok().click();
    cancel().click();
    await fixture.whenStable();
    expect(host.confirmed).toBe(1);
    expect(host.cancelled).toBe(1);
  });

  it('disables OK until it can confirm', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    host.ready.set(false);
    await fixture.whenStable();
    expect(ok().disabled).toBe(true);
  });
});
