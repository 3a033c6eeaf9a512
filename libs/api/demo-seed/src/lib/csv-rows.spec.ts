import { csvLine, pgTextArray } from './csv-rows';

describe('csvLine', () => {
  it('quotes strings, leaves NULL empty and writes dates in ISO form', () => {
    expect(csvLine(['a "b", c', '', null, 3.5, true, new Date('2026-01-02T03:04:05Z')])).toBe(
      '"a ""b"", c","",,3.5,true,2026-01-02T03:04:05.000Z\n',
    );
  });

  it('writes text arrays PostgreSQL reads back', () => {
    expect(pgTextArray(['重点用户', 'a"b'])).toBe('{"重点用户","a\\"b"}');
    expect(pgTextArray([])).toBe('{}');
  });
});
