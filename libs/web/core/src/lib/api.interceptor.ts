import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject, Injector } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { ApiError, CodedText, messageText } from '@crm/shared/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/**
 * A sentence for the user about a failed request: by the message code of the body and of its first detail
 * (`text` renders a coded text in the reader's language), else the server's message.
 */
export function describeHttpError(
  error: HttpErrorResponse,
  t: (key: string) => string,
  text: (coded: CodedText) => string = (coded) => coded.message,
): string {
  if (error.status === 0) return t('errors.network');
  const body = error.error as Partial<ApiError> | null;
  if (error.status >= 500) return t('errors.server');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (!body?.message) return t('errors.unknown');
  const detail = body.details?.[0];
  if (!body.code || !detail) return text({ message: body.message, code: body.code, params: body.params });
  return `${text({ message: body.message, code: body.code, params: body.params })}: ${detail.field} ${text(detail)}`;
}

/**
 * Adds the bearer token to API calls; on 401 ends the session ("expired"); shows every other error
 * to the user in words, unless the caller handles it itself (header `X-Handle-Errors`).
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  // Looked up only when needed: TranslateService loads its texts through HttpClient, which runs this interceptor.
  const injector = inject(Injector);
  const token = auth.token();
  const handlesErrors = request.headers.has('X-Handle-Errors');
  const headers = (token ? request.headers.set('Authorization', `Bearer ${token}`) : request.headers).delete(
    'X-Handle-Errors',
  );
  // The API adds message codes to its error bodies when asked, so that errors read in the user's language.
  const outgoing = request.clone({
    headers: request.url.startsWith('/api/') ? headers.set('X-Message-Codes', '1') : headers,
  });
  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && request.url.startsWith('/api/')) {
        const isLogin = request.url === '/api/auth/login';
        if (error.status === 401 && !isLogin) {
          auth.logout('expired');
        } else if (!handlesErrors && !isLogin) {
          const translate = injector.get(TranslateService);
          injector.get(NzMessageService).error(
            describeHttpError(
              error,
              (key) => translate.instant(key),
              (coded) => messageText(translate, coded),
            ),
          );
        }
      }
      return throwError(() => error);
    }),
  );
};
