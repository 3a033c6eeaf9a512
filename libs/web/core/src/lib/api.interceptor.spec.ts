import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError } from './api.interceptor';
import { CodedText } from '@crm/shared/domain';

describe('message codes', () => {
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
