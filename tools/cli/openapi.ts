// `npm run openapi`: writes the API's OpenAPI document to apps/api/openapi.json (no database needed).
// The committed document is the record of the public contract; apps/api/src/openapi.int-spec.ts compares
// the live document with it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocumentOffline } from '../../apps/api/src/openapi';

export const OPENAPI_FILE = join(__dirname, '..', '..', 'apps', 'api', 'openapi.json');

async function main(): Promise<void> {
  const document = await openApiDocumentOffline();
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${OPENAPI_FILE} (${Object.keys(document.paths).length} paths)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
