import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { FormDialog } from './form-dialog';

@Component({
  imports: [FormDialog],
  template: `
    @if (open()) {
      <crm-form-dialog
        title="Cancel the application"
        [action]="action"
        [canSave]="ready()"
        saveLabel="applications.cancel"
        testIdPrefix="cancel-application"
        (save)="saved = saved + 1"
        (closed)="closed = closed + 1"
      >
        <textarea data-testid="reason"></textarea>
      </crm-form-dialog>
    }
  `,
})
class Host {
  readonly open = signal(true);
  readonly action = {
    saving: signal(false),
    error: signal<{ message: string; details: { field: string; message: string }[] } | null>(null),
  };
  readonly ready = signal(true);
  saved = 0;
  closed = 0;
}

async function render(): Promise<ComponentFixture<Host>> {
  TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'en' })] });
  const fixture = TestBed.createComponent(Host);
  fixture.autoDetectChanges();
  await fixture.whenStable();
  return fixture;
}

/** The modal is drawn in the overlay container, outside the host. */
const modal = () => document.querySelector('.ant-modal') as HTMLElement | null;
const save = () => modal()?.querySelector<HTMLButtonElement>('[data-testid="cancel-application-save"]');
/** The footer's buttons: cancel, then save. */
const cancel = () => modal()?.querySelectorAll<HTMLButtonElement>('.ant-modal-footer button')[0];

describe('FormDialog', () => {
  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('shows the title, the fields put inside it, and the buttons labelled by their keys (cancel by default)', async () => {
    await render();
    expect(modal()?.querySelector('.ant-modal-title')?.textContent).toContain('Cancel the application');
    expect(modal()?.querySelector('[data-testid="reason"]')).not.toBeNull();
    expect(save()?.textContent?.trim()).toBe('applications.cancel');
    expect(cancel()?.textContent?.trim()).toBe('common.cancel');
  });

  it('shows why the last save failed, with the fields it names, and nothing while none did', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    const error = () => modal()?.querySelector('[data-testid="cancel-application-error"]');
    expect(error()).toBeNull();
    host.action.error.set({
      message: 'The application was changed meanwhile',
      details: [{ field: 'reason', message: 'too short' }],
    });
    await fixture.whenStable();
    expect(error()?.textContent).toContain('The application was changed meanwhile');
    expect(error()?.textContent).toContain('too short');
  });

  it('emits save on save and closed on cancel', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    save()?.click();
    cancel()?.click();
    await fixture.whenStable();
    expect(host.saved).toBe(1);
    expect(host.closed).toBe(1);
  });

  it('shows that the save runs', async () => {
    const fixture = await render();
    fixture.componentInstance.action.saving.set(true);
    await fixture.whenStable();
    expect(save()?.classList).toContain('ant-btn-loading');
  });

  it('disables save until it can save, and says why', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    const whyNot = () => modal()?.querySelector('[data-testid="cancel-application-why-not"]');
    expect(whyNot()?.getAttribute('aria-label')).toBeNull();
    host.ready.set(false);
    await fixture.whenStable();
    expect(save()?.disabled).toBe(true);
    expect(whyNot()?.getAttribute('aria-label')).toBe('common.fillRequired');
  });

  it('is shown while it is there', async () => {
    const fixture = await render();
    fixture.componentInstance.open.set(false);
    await fixture.whenStable();
    expect(modal()).toBeNull();
  });
});
