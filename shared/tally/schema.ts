import { z } from 'zod';
import { FindingSchema } from '../findings.js';
import { gridSchema } from '../grid/schema.js';
import { RequestBaseSchema } from '../schemas.js';
import { DEFAULT_CATEGORIES } from './lexicon.js';

/** The fields of a progress-report grid; a category's tick column is named by its id (`K1`). */
export const TALLY_FIELDS = ['unit', 'group', 'period', 'codes', 'text'] as const;
export type TallyField = (typeof TALLY_FIELDS)[number];

const NameSchema = z.string().max(1_000);
/** A period as written: `"2024"`, `2024`, `"2024-Q2"`. */
const PeriodSchema = z.union([z.string().max(100), z.number().int().min(-1_000_000).max(1_000_000)]);

/** A category label: one text, or one per language. */
const LabelSchema = z.union([NameSchema, z.object({ nl: NameSchema, en: NameSchema.optional() })]);

export const CategorySchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .refine((id) => /[\p{L}\p{N}]/u.test(id), { message: 'Geen letter of cijfer / no letter or digit' }),
  label: LabelSchema.optional(),
  /** Phrases that point to the category in free text; the defaults' own phrases when omitted. */
  keywords: z.array(z.string().max(200)).optional(),
});
export type Category = z.infer<typeof CategorySchema>;

export const ReportSchema = z.object({
  unit: NameSchema,
  group: NameSchema.nullable().optional(),
  period: PeriodSchema.nullable().optional(),
  /** Category ids: a list, or one text such as `"K1, K4"`. */
  codes: z.union([z.array(z.union([z.string().max(200), z.number()])), z.string(), z.null()]).optional(),
  text: z.string().nullable().optional(),
});
export type Report = z.infer<typeof ReportSchema>;

const TallyGridSchema = gridSchema(TALLY_FIELDS).safeExtend({
  /** Columns by sheet letter, for the fields and for the categories' tick columns: `{ "K1": "E" }`. */
  columns: z.record(z.string().max(100), z.string().max(10)).optional(),
});

export const TallyRequestSchema = RequestBaseSchema.extend({
  categories: z.array(CategorySchema).min(1).optional(),
  reports: z.array(ReportSchema).optional(),
  grid: TallyGridSchema.optional(),
  expectedUnits: z.array(NameSchema).optional(),
  /** The period of reports (or grid rows) that name none. */
  period: PeriodSchema.optional(),
}).superRefine((request, ctx) => {
  if (request.reports === undefined && request.grid === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['reports'],
      message: 'Geef reports of grid / give reports or grid',
    });
  }
  if (request.reports !== undefined && request.grid !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['grid'], message: 'Geef reports of grid, niet beide / not both' });
  }
  const ids = new Set<string>(request.categories ? [] : DEFAULT_CATEGORIES.map((c) => c.id.toUpperCase()));
  request.categories?.forEach((category, index) => {
    const key = category.id.toUpperCase();
    if (ids.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories', index, 'id'],
        message: 'Dubbel id / duplicate id',
      });
    }
    ids.add(key);
  });
  for (const key of Object.keys(request.grid?.columns ?? {})) {
    const known = (TALLY_FIELDS as readonly string[]).includes(key) || ids.has(key.toUpperCase());
    if (!known) {
      ctx.addIssue({
        code: 'custom',
        path: ['grid', 'columns', key],
        message: 'Geen veld of categorie / not a field or category',
      });
    }
  }
});
export type TallyRequest = z.infer<typeof TallyRequestSchema>;

const ShareSchema = z.string().regex(/^\d\.\d{4}$/);

export const TextMatchSchema = z.object({ id: z.string(), phrase: z.string(), keyword: z.string() });

export const TallyResponseSchema = z.object({
  periods: z.array(
    z.object({
      period: z.string(),
      reporting: z.number().int(),
      tallies: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          count: z.number().int(),
          share: ShareSchema,
          rank: z.number().int(),
          units: z.array(z.string()),
        }),
      ),
      byGroup: z.array(
        z.object({
          group: z.string().nullable(),
          reporting: z.number().int(),
          counts: z.record(z.string(), z.number().int()),
        }),
      ),
    }),
  ),
  trend: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), delta: z.number().int() })),
  unclassified: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string().optional(),
      unit: z.string().nullable(),
      period: z.string(),
      text: z.string(),
    }),
  ),
  /** Per report whose text named a category: the categories found and the words that showed them. */
  classified: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string().optional(),
      unit: z.string(),
      period: z.string(),
      matches: z.array(TextMatchSchema),
      negated: z.array(TextMatchSchema),
    }),
  ),
  missingUnits: z.array(z.string()),
  /** The expected units without a report, for every period. */
  missingByPeriod: z.record(z.string(), z.array(z.string())),
  findings: z.array(FindingSchema),
  mapping: z.record(z.string(), z.string()).optional(),
  header: z
    .object({ row: z.number().int(), ref: z.string(), labels: z.record(z.string(), z.string()) })
    .optional(),
});
export type TallyResponse = z.infer<typeof TallyResponseSchema>;
