// `npm run schema:config`: writes the configuration file's JSON Schema from the zod schemas
// (lib/config/schema.ts). A unit test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { configurationJsonSchema } from '../../lib/config/schema.ts';
import { projectRoot } from './paths.ts';

const target = `${projectRoot}lib/config/configuration.schema.json`;
writeFileSync(target, `${JSON.stringify(configurationJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
