import { z } from 'zod';

/** A page of an OData collection: the items, the link to the next page, and the total when `$count=true`. */
export function collectionSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    value: z.array(item),
    '@odata.nextLink': z.url().optional(),
    '@odata.count': z.number().int().nonnegative().optional(),
  });
}

/** `GET …/$count` answers a bare integer (text/plain), which is also valid JSON. */
export const CountSchema = z.number().int().nonnegative();
