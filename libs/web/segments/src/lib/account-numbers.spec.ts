import { parseAccountNumbers } from './account-numbers';

describe('parseAccountNumbers', () => {
  it('reads one account number per line', () => {
    expect(parseAccountNumbers('3300000001\n3300000002\r\n\n 3300000003 \n')).toEqual([
      '3300000001',
      '3300000002',
      '3300000003',
    ]);
  });

  it('takes the first column of a CSV file and skips its header row', () => {
    const csv = '\uFEFFaccountNo,name\n"3300000001",甲公司\n3300000002;乙公司\n3300000003\t丙公司\n';
    expect(parseAccountNumbers(csv)).toEqual(['3300000001', '3300000002', '3300000003']);
  });

  it('keeps a first line that is an account number, and each number once', () => {
    expect(parseAccountNumbers('3300000001,x\n3300000001\n3300000002')).toEqual(['3300000001', '3300000002']);
  });

  it('finds nothing in empty text', () => {
    expect(parseAccountNumbers('')).toEqual([]);
    expect(parseAccountNumbers('户号\n')).toEqual([]);
  });
});
