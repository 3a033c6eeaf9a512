import { formatMessageParams, messageText } from './messages';

const translator = (texts: Record<string, string>, lang = 'zh-CN') => ({
  instant: (key: string, params?: Record<string, string | number>) =>
    (texts[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? '')),
  getCurrentLang: () => lang,
});

describe('message codes', () => {
  it('formats the numbers of the params for the reader', () => {
    expect(formatMessageParams({ kwh: 260256.53, rating: 'B' }, 'en')).toEqual({ kwh: '260,256.53', rating: 'B' });
    expect(formatMessageParams({ kwh: 1200 }, 'zh-CN')).toEqual({ kwh: '1,200' });
    expect(formatMessageParams(null, 'en')).toEqual({});
  });

  it('renders a known code with its params, and falls back to the English message otherwise', () => {
    const t = translator({ 'messages.validation.max': '不能大于 {{limit}}' });
    expect(
      messageText(t, { message: 'must not be greater than 10000', code: 'validation.max', params: { limit: 10000 } }),
    ).toBe('不能大于 10,000');
    expect(messageText(t, { message: 'Something new', code: 'made.up' })).toBe('Something new');
    expect(messageText(t, { message: 'No code' })).toBe('No code');
  });
});
