import { z } from 'zod';
import { DEFAULT_LOCALE, LanguageSchema, LocaleSchema } from './locale.js';
import { readRate } from './money/amount.js';

/** Schemas shared by the requests of every endpoint. */

/** An amount as a client may send it: a finite JSON number or text read in the request's locale. */
export const AmountFieldSchema = z.union([z.number(), z.string().max(10_000), z.null()]).optional();

/** A rate or share in [0, 1]: `"0.21"`, `0.21`, `"21%"`. */
export const RateSchema = z.union([z.number(), z.string().max(64)]).refine(
  (value) => {
    const rate = readRate(value);
    return Boolean(rate?.gte(0) && rate.lte(1));
  },
  { message: 'Geen tarief tussen 0 en 1 (zoals "0.21" of "21%") / not a rate between 0 and 1' },
);

/** The fields every request may carry: `locale` for reading text, `language` for messages. */
export const RequestBaseSchema = z.object({
  locale: LocaleSchema.default(DEFAULT_LOCALE),
  language: LanguageSchema.optional(),
});

/** An amount in a response: exactly two decimals, `.` as separator. */
export const AmountOutSchema = z.string().regex(/^-?\d+\.\d{2}$/);
