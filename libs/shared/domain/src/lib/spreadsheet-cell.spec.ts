import { neutraliseCell } from './spreadsheet-cell';

describe('neutraliseCell', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['-1-1', "'-1-1"],
    ['-¥2.00+A1', "'-¥2.00+A1"],
  ])('prefixes %j with a quote', (cell, shown) => {
    expect(neutraliseCell(cell)).toBe(shown);
  });

  it.each(['温州测试电气有限公司', 'a=b', 'A-1', "'quoted", '', ' =1', '１+1', '-¥1,200.00', '-1,234', '-12.5%'])(
    'keeps %j as it is',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(cell);
    },
  );
});
