import { InvalidInputError } from '@crm/shared/domain';
import { Readable } from 'node:stream';

/** The longest header line we accept; a file without a line break by then is not a CSV with a header. */
const MAX_HEADER_BYTES = 64 * 1024;

/** The names of a CSV header line: comma-separated, optionally double-quoted, a UTF-8 BOM and spaces ignored. */
export function parseHeaderLine(line: string): string[] {
  const text = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      names.push(current.trim());
      current = '';
    } else current += ch;
  }
  names.push(current.trim());
  return names;
}

/**
 * Reads the header line of a CSV stream and hands back a stream of the whole file (header included),
 * still streaming: only the bytes up to the first line break are held.
 */
export async function splitHeader(source: Readable): Promise<{ header: string[]; file: Readable }> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let length = 0;
  for (;;) {
    const { value, done } = await chunks.next();
    if (done) break;
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value);
    head.push(chunk);
    length += chunk.length;
    if (chunk.includes(0x0a)) break;
    if (length > MAX_HEADER_BYTES) throw new InvalidInputError('The file has no header line');
  }
  const start = Buffer.concat(head);
  const end = start.indexOf(0x0a);
  const headerLine = start.subarray(0, end < 0 ? start.length : end).toString('utf8');
  if (!headerLine.trim()) throw new InvalidInputError('The file is empty: the first line must name the columns');
  async function* whole(): AsyncGenerator<Buffer> {
    yield start;
    for (;;) {
      const { value, done } = await chunks.next();
      if (done) return;
      yield value;
    }
  }
  return { header: parseHeaderLine(headerLine), file: Readable.from(whole(), { objectMode: false }) };
}
