import { InvalidInputError } from '@crm/shared/domain';
import { Readable } from 'node:stream';
import { parseHeaderLine, splitHeader } from './csv-header';

async function text(stream: Readable): Promise<string> {
  let all = '';
  for await (const chunk of stream) all += chunk.toString();
  return all;
}

describe('parseHeaderLine', () => {
  it('splits names, drops a BOM, quotes, spaces and a carriage return', () => {
    expect(parseHeaderLine('\uFEFFaccountNo, "period" ,kwh,"a ""b"", c"\r')).toEqual([
      'accountNo',
      'period',
      'kwh',
      'a "b", c',
    ]);
  });
});

describe('splitHeader', () => {
  it('reads the header across chunks and gives back the whole file', async () => {
    const source = Readable.from([
      Buffer.from('accou'),
      Buffer.from('ntNo,per'),
      Buffer.from('iod\n1,2\n'),
      Buffer.from('3,4\n'),
    ]);
    const { header, file } = await splitHeader(source);
    expect(header).toEqual(['accountNo', 'period']);
    expect(await text(file)).toBe('accountNo,period\n1,2\n3,4\n');
  });

  it('accepts a header without a line break (no rows)', async () => {
    const { header, file } = await splitHeader(Readable.from([Buffer.from('a,b')]));
    expect(header).toEqual(['a', 'b']);
    expect(await text(file)).toBe('a,b');
  });

  it('refuses an empty file', async () => {
    await expect(splitHeader(Readable.from([]))).rejects.toThrow(InvalidInputError);
    await expect(splitHeader(Readable.from([Buffer.from('\n1,2\n')]))).rejects.toThrow('The file is empty');
  });
});
