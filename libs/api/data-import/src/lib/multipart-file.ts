import { PayloadTooLargeException } from '@nestjs/common';
import { InvalidInputError } from '@crm/shared/domain';
import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';

/** The largest file the import accepts. It is streamed, so this guards the disk, not the memory. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

/**
 * The stream of one file field of a multipart/form-data request, as it arrives: nothing is buffered
 * beyond what the reader has not consumed yet. Other fields and files are skipped.
 */
export function multipartFile(req: Request, field: string): Promise<Readable> {
  const missing = () =>
    new InvalidInputError(`Send the CSV as multipart/form-data in the field "${field}"`, [
      { field, message: 'is required', code: 'field.required', params: { field } },
    ]);
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_IMPORT_BYTES } });
    } catch {
      reject(missing());
      return;
    }
    let found = false;
    parser.on('file', (name, stream) => {
      if (name !== field || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('limit', () =>
        stream.destroy(new PayloadTooLargeException(`The file is larger than ${MAX_IMPORT_BYTES} bytes`)),
      );
      resolve(stream);
    });
    parser.on('close', () => found || reject(missing()));
    parser.on('error', (error) =>
      found ? undefined : reject(new InvalidInputError(`Not valid multipart data: ${(error as Error).message}`)),
    );
    req.pipe(parser);
  });
}
