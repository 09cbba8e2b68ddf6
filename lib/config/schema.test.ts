import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurationJsonSchema } from './schema';

describe('the configuration file JSON Schema', () => {
  it('is the one the zod schemas make (run "npm run schema:config" after changing them)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('./configuration.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(configurationJsonSchema());
  });
});
