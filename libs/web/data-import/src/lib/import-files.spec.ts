import { csvField, errorReportCsv, templateCsv } from './import-files';

describe('import files', () => {
  it('offers the header row of each kind as its template', () => {
    expect(templateCsv('consumption')).toBe('accountNo,period,kwh,maxDemandKw,powerFactor\r\n');
    expect(templateCsv('payments')).toBe('accountNo,period,paidAt,amount\r\n');
  });

  it('quotes only the fields that need it', () => {
    expect(csvField('kwh')).toBe('kwh');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('must be a number, e.g. 12.5')).toBe('"must be a number, e.g. 12.5"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
  });

  it('writes no cell a spreadsheet would read as a formula', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField(-2)).toBe('-2');
  });

  it('writes the error report with one line per bad row and field', () => {
    expect(
      errorReportCsv([
        { row: 2, field: 'kwh', message: 'kwh must be a number, not "abc"', code: 'import.number', params: {} },
        { row: 0, field: null, message: 'empty file', code: 'import.badFile', params: { reason: 'empty' } },
      ]),
    ).toBe('row,field,message\r\n2,kwh,"kwh must be a number, not ""abc"""\r\n0,,empty file\r\n');
  });

  it("writes each error's text in the reader's language when told how", () => {
    const errors = [{ row: 3, field: 'kwh', message: 'must be a number', code: 'import.number' as const, params: {} }];
    const csv = errorReportCsv(errors, ['行号', '字段', '问题'], (e) =>
      e.code === 'import.number' ? '须为数字' : e.message,
    );
    expect(csv).toBe('行号,字段,问题\r\n3,kwh,须为数字\r\n');
  });
});
