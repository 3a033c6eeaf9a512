import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError } from './api.interceptor';
import { CodedText, formatParams } from './message';

describe('message codes', () => {
  it('formats the numbers of the params for the reader', () => {
    expect(formatParams({ kwh: 260256.53, rating: 'B' }, 'en')).toEqual({ kwh: '260,256.53', rating: 'B' });
    expect(formatParams({ kwh: 1200 }, 'zh-CN')).toEqual({ kwh: '1,200' });
    expect(formatParams(null, 'en')).toEqual({});
  });

  it('describes a refused request by the codes of its body and first detail', () => {
    const texts: Record<string, string> = { 'error.badRequest': '请求无效', 'validation.max': '不能大于 {{limit}}' };
    const text = (c: CodedText) => (c.code && texts[c.code]) || c.message;
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid qty',
        code: 'error.badRequest',
        params: { fields: 'qty' },
        details: [{ field: 'qty', message: 'qty must not be greater than 10', code: 'validation.max', params: {} }],
      },
    });
    expect(describeHttpError(error, (key) => key, text)).toBe('请求无效: qty 不能大于 {{limit}}');
  });

  it("falls back to the server's message for a body without a code", () => {
    const error = new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'Stale version' } });
    expect(describeHttpError(error, (key) => key)).toBe('Stale version');
  });
});
