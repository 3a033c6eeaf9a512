import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { MergedTranslationLoader, TRANSLATION_PARTS } from './translation-loader';

describe('MergedTranslationLoader', () => {
  it('merges the main file with each feature file, deeply', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        MergedTranslationLoader,
        { provide: TRANSLATION_PARTS, useValue: ['lifecycle'] },
      ],
    });
    const loaded = firstValueFrom(TestBed.inject(MergedTranslationLoader).getTranslation('en'));
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/i18n/en.json').flush({ nav: { home: 'Home' }, app: { title: 'CRM' } });
    http.expectOne('/i18n/lifecycle.en.json').flush({ nav: { applications: 'Applications' } });
    expect(await loaded).toEqual({ nav: { home: 'Home', applications: 'Applications' }, app: { title: 'CRM' } });
  });
});
