import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { DisplayKind, DisplayPipe, displayValue, readerLanguage } from './display.pipe';

@Component({
  imports: [DisplayPipe],
  template: `<span>{{ value() | crmFormat: kind() : digits() }}</span>`,
})
class Host {
  readonly value = signal<unknown>(null);
  readonly kind = signal<DisplayKind>('date');
  readonly digits = signal<number | undefined>(undefined);
}

describe('crmFormat', () => {
  async function render(language: string) {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: language })] });
    const fixture = TestBed.createComponent(Host);
    const show = async (value: unknown, kind: DisplayKind, digits?: number) => {
      fixture.componentInstance.value.set(value);
      fixture.componentInstance.kind.set(kind);
      fixture.componentInstance.digits.set(digits);
      fixture.detectChanges();
      await fixture.whenStable();
      return (fixture.nativeElement as HTMLElement).textContent?.trim();
    };
    return { show, fixture };
  }

  it('shows each kind in the display format, China time, never a raw timestamp', async () => {
    const { show } = await render('zh-CN');
    expect(await show('2026-10-30T00:00:00.000Z', 'date')).toBe('2026-10-30');
    expect(await show('2026-10-29T16:00:00.000Z', 'date')).toBe('2026-10-30');
    expect(await show('2026-10-30T06:05:00.000Z', 'datetime')).toBe('2026-10-30 14:05');
    expect(await show(1234567, 'integer')).toBe('1,234,567');
    expect(await show('260256.534', 'decimal')).toBe('260,256.53');
    expect(await show(3.14159, 'decimal', 1)).toBe('3.1');
    expect(await show('916904.48', 'money')).toBe('¥916,904.48');
    expect(await show(0.125, 'percent')).toBe('12.5%');
    expect(await show(null, 'money')).toBe('—');
    expect(await show(undefined, 'date')).toBe('—');
  });

  it("reads the reader's language from the language the translations use", async () => {
    await render('en');
    const translate = TestBed.inject(TranslateService);
    expect(readerLanguage(translate)).toBe('en');
    translate.use('zh-CN');
    expect(readerLanguage(translate)).toBe('zh-CN');
  });

  it('formats outside a template with the language given', () => {
    expect(displayValue('2026-10-30T06:05:00.000Z', 'datetime', 'en')).toBe('2026-10-30 14:05');
    expect(displayValue(1200, 'money', 'zh-CN', 0)).toBe('¥1,200');
  });
});
