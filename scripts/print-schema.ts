// Writes the schema's SDL to schema.graphql at the root, the file clients generate code from;
// test/schema/sdl.test.ts fails when it is stale.
import fs from 'node:fs';
import { printSchemaFile, SCHEMA_FILE } from '../src/schema/print';

fs.writeFileSync(SCHEMA_FILE, printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
