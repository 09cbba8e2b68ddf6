import { z } from 'zod';

/** Edm.DateTimeOffset as Graph writes it ("2016-12-31T23:59:43.797191-08:00", "0001-01-01T00:00:00Z"), kept as text. */
export const DateTimeSchema = z.iso.datetime({ offset: true });

/** Edm.Int64 / Int32: a JSON number (Graph writes numbers unless asked for IEEE754Compatible strings, which we never ask). */
export const IntegerSchema = z.number().int();

export const NullableStringSchema = z.string().nullable();
