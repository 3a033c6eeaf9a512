import { TestBed } from '@angular/core/testing';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  it('offers Chinese and English and reports the choice', async () => {
    const fixture = TestBed.createComponent(LanguageSwitch);
    fixture.componentRef.setInput('current', 'zh-CN');
    const chosen: string[] = [];
    fixture.componentInstance.changed.subscribe((l) => chosen.push(l));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const labels = [...element.querySelectorAll('label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(['中文', 'English']);
    (element.querySelectorAll('label')[1] as HTMLElement).click();
    await fixture.whenStable();
    expect(chosen).toEqual(['en']);
  });
});
