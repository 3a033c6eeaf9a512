import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { Field } from './field';

@Component({
  imports: [Field],
  template: `
    <crm-field label="form.capacity" inputId="capacity" unit="kVA"><input id="capacity" /></crm-field>
    <crm-field><input type="checkbox" /></crm-field>
  `,
})
class Host {}

describe('Field', () => {
  it('labels its input in the current language, with the unit, and leaves out the label it is not given', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'en' })] });
    TestBed.inject(TranslateService).setTranslation('en', { form: { capacity: 'Requested capacity' } });
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    const [withLabel, without] = [...(fixture.nativeElement as HTMLElement).querySelectorAll('crm-field')];
    const label = withLabel.querySelector('label');
    expect(label?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Requested capacity (kVA)');
    expect(label?.getAttribute('for')).toBe('capacity');
    expect(withLabel.querySelector('input#capacity')).not.toBeNull();
    expect(without.querySelector('label')).toBeNull();
    expect(without.classList).toContain('crm-field');
  });
});
