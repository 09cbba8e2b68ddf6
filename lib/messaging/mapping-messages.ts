import { z } from 'zod';
import { MappingSchema } from '../mapping/schema';
import { message } from './message';

const ProblemSchema = z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() });
const CheckedMappingSchema = z.object({ mapping: MappingSchema, problems: z.array(ProblemSchema) });
const DraftSchema = MappingSchema.omit({ id: true, createdAt: true, updatedAt: true }).extend({ id: z.string().max(100).optional() });
const IdSchema = z.object({ id: z.string().min(1).max(100) });

/** Messages about mappings (extension pages only: the options page edits them). */
export const mappingMessages = {
  listMappings: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({
      mappings: z.array(
        z.discriminatedUnion('readable', [
          z.object({ readable: z.literal(true), mapping: MappingSchema }),
          z.object({ readable: z.literal(false), id: z.string(), problem: z.string() }),
        ]),
      ),
    }),
  }),
  /** The mapping, checked against its collection as Asset Panda lists it now. */
  getMapping: message({ from: ['page'], request: IdSchema, response: CheckedMappingSchema }),
  /** Saved only when the check finds no error; the problems say what to fix. */
  saveMapping: message({ from: ['page'], request: z.object({ mapping: DraftSchema }), response: CheckedMappingSchema.extend({ saved: z.boolean() }) }),
  deleteMapping: message({ from: ['page'], request: IdSchema, response: z.object({}) }),
};
