import { z } from 'zod';
import { FiltersSchema, MappingSchema } from '../mapping/schema';
import { message } from './message';

const ProblemSchema = z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() });
export type MappingProblemView = z.infer<typeof ProblemSchema>;
/** `managed`: set by enterprise policy, so read-only. */
const CheckedMappingSchema = z.object({ mapping: MappingSchema, problems: z.array(ProblemSchema), managed: z.boolean() });
const DraftSchema = MappingSchema.omit({ id: true, createdAt: true, updatedAt: true }).extend({ id: z.string().max(100).optional() });
const IdSchema = z.object({ id: z.string().min(1).max(100) });
const CountIdSchema = z.string().min(1).max(100);
const CountProgressSchema = z.object({ seen: z.number(), total: z.number().nullable() });

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
  /** Every readable mapping checked against Asset Panda now: what makes one "not runnable". */
  checkMappings: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ checks: z.array(z.object({ id: z.string(), problems: z.array(ProblemSchema) })) }),
  }),
  /** The mapping, checked against its collection as Asset Panda lists it now. */
  getMapping: message({ from: ['page'], request: IdSchema, response: CheckedMappingSchema }),
  /** Saved only when the check finds no error; the problems say what to fix. */
  saveMapping: message({ from: ['page'], request: z.object({ mapping: DraftSchema }), response: CheckedMappingSchema.extend({ saved: z.boolean() }) }),
  deleteMapping: message({ from: ['page'], request: IdSchema, response: z.object({}) }),
  /** How many Intune devices the filters select now; a newer count stops an older one ("replaced"). */
  countMatchingDevices: message({
    from: ['page'],
    request: z.object({ countId: CountIdSchema, filters: FiltersSchema }),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('counted'), count: z.number(), method: z.enum(['server', 'client']) }),
      z.object({ state: z.literal('replaced') }),
      z.object({ state: z.literal('unavailable'), message: z.string() }),
    ]),
  }),
  /** How far a running count has got; null once it has ended. */
  getDeviceCountProgress: message({
    from: ['page'],
    request: z.object({ countId: CountIdSchema }),
    response: z.object({ progress: CountProgressSchema.nullable() }),
  }),
};
