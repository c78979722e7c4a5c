// Regenerates schemas/*.json from the zod schemas (npm run schema). A test fails when they drift.
import { writeFileSync, mkdirSync } from 'node:fs';
import { jsonSchemas } from '../dist/api.js';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schemas/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
