import { z } from 'zod';
import { FindingSchema } from '../findings.js';
import { gridSchema } from '../grid/schema.js';
import { readAmount } from '../money/amount.js';
import type { Decimal } from '../money/decimal.js';
import { AmountFieldSchema, AmountOutSchema, RateSchema, RequestBaseSchema } from '../schemas.js';

import { BUDGET_FIELDS } from './fields.js';

export { BUDGET_FIELDS, type BudgetField } from './fields.js';

const NameSchema = z.string().max(1_000).nullable().optional();

export const BudgetLineSchema = z.object({
  item: NameSchema,
  provider: NameSchema,
  unitCost: AmountFieldSchema,
  vat: AmountFieldSchema,
  vatRate: RateSchema.nullable().optional(),
  travel: AmountFieldSchema,
  units: AmountFieldSchema,
  total: AmountFieldSchema,
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const StatedTotalsSchema = z.object({
  subtotal: AmountFieldSchema,
  contingency: AmountFieldSchema,
  /** VAT on the whole, when the budget states it under the subtotal (`BTW 21%`). */
  vat: AmountFieldSchema,
  total: AmountFieldSchema,
});

export const VAT_RATE_SETS = {
  NL: ['0.21', '0.09', '0'],
  BE: ['0.21', '0.12', '0.06', '0'],
} as const;

export const BudgetRequestSchema = RequestBaseSchema.extend({
  /** The VAT rates a stated VAT may be at: a list, or `"NL"` / `"BE"` for a country's set. */
  vatRates: z.union([z.array(RateSchema).min(1).max(20), z.enum(['NL', 'BE'])]).optional(),
  vatBasis: z.enum(['unit', 'line']).default('unit'),
  contingencyRate: RateSchema.nullable().optional(),
  /** An amount ≥ 0 in the request's locale (`"0.01"`, `"€ 0,01"`); checked below, where the locale is known. */
  tolerance: z.union([z.number(), z.string().max(64)]).default('0'),
  participants: z
    .object({ min: z.number().int().min(1).max(1_000_000), max: z.number().int().min(1).max(1_000_000) })
    .refine((p) => p.min <= p.max, { message: 'min > max', path: ['min'] })
    .optional(),
  ceiling: AmountFieldSchema,
  programmeItems: z.array(z.string().max(1_000)).optional(),
  lines: z.array(BudgetLineSchema).optional(),
  grid: gridSchema(BUDGET_FIELDS).optional(),
  stated: StatedTotalsSchema.optional(),
}).superRefine((request, ctx) => {
  if (request.lines === undefined && request.grid === undefined) {
    ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Geef lines of grid / give lines or grid' });
  }
  if (toleranceOf(request) === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['tolerance'],
      message: 'Geen bedrag van 0 of meer / not an amount of 0 or more',
    });
  }
  if (request.lines !== undefined && request.grid !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['grid'], message: 'Geef lines of grid, niet beide / not both' });
  }
});
export type BudgetRequest = z.infer<typeof BudgetRequestSchema>;

/** The tolerance of a request as an amount, or undefined when it is none (or negative). */
export function toleranceOf(request: Pick<BudgetRequest, 'tolerance' | 'locale'>): Decimal | undefined {
  const reading = readAmount(request.tolerance, request.locale);
  return reading.kind === 'amount' && !reading.value.isNegative() ? reading.value : undefined;
}

const TotalsSchema = z.object({
  subtotal: AmountOutSchema.nullable(),
  contingency: AmountOutSchema.nullable(),
  total: AmountOutSchema.nullable(),
  /** Only when the budget has a VAT row on the whole (`BTW 21%` under the subtotal). */
  vat: AmountOutSchema.optional(),
});

export const BudgetResponseSchema = z.object({
  valid: z.boolean(),
  findings: z.array(FindingSchema),
  lines: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string().optional(),
      item: z.string().nullable(),
      computedTotal: AmountOutSchema.nullable(),
      statedTotal: AmountOutSchema.nullable(),
      vatRate: z.string().nullable(),
    }),
  ),
  totals: z.object({
    stated: TotalsSchema,
    recomputed: TotalsSchema.extend({
      subtotal: AmountOutSchema,
      contingency: AmountOutSchema,
      total: AmountOutSchema,
    }),
    /** The contingency rate used for the recomputed totals: given, stated in the grid, or implied. */
    contingencyRate: z.string().nullable(),
    /** False when a line's amount is pending (`p.m.`, `nntb`): the totals are then incomplete. */
    complete: z.boolean(),
  }),
  perParticipant: z.object({ min: AmountOutSchema, max: AmountOutSchema }).nullable(),
  mapping: z.partialRecord(z.enum(BUDGET_FIELDS), z.string()).optional(),
  header: z
    .object({
      row: z.number().int(),
      ref: z.string(),
      labels: z.partialRecord(z.enum(BUDGET_FIELDS), z.string()),
    })
    .optional(),
});
export type BudgetResponse = z.infer<typeof BudgetResponseSchema>;
