import { z } from 'zod';
import { ConnectionsSchema } from '../config/schema';
import { message } from './message';

/** An exported file is a few hundred kilobytes at most (100 mappings of 200 fields). */
const MAX_FILE_LENGTH = 5_000_000;

/** Messages about the whole configuration: export, import and the enterprise policy (options page only). */
export const configurationMessages = {
  exportConfiguration: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ fileName: z.string(), json: z.string(), leftOut: z.number() }),
  }),
  /** Refused as a whole, with every problem listed, or imported; the connections only fill in the forms. */
  importConfiguration: message({
    from: ['page'],
    request: z.object({ text: z.string().max(MAX_FILE_LENGTH, 'The file is too large to be a configuration of this extension.') }),
    response: z.object({ imported: z.boolean(), problems: z.array(z.string()), connections: ConnectionsSchema, mappingNames: z.array(z.string()) }),
  }),
  /** What the enterprise policy sets (read-only on the options page), or why it was ignored. */
  getPolicy: message({
    from: ['page'],
    request: z.object({}),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('none') }),
      z.object({ state: z.literal('applied'), connections: ConnectionsSchema, mappingIds: z.array(z.string()) }),
      z.object({ state: z.literal('invalid'), problems: z.array(z.string()) }),
    ]),
  }),
};
