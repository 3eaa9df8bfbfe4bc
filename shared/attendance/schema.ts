import { z } from 'zod';
import { IsoDateSchema } from '../calendar/schema.js';
import { FindingSchema } from '../findings.js';
import { gridSchema } from '../grid/schema.js';
import { RequestBaseSchema } from '../schemas.js';

export const SessionSchema = z.object({
  id: z.string().min(1).max(200),
  /** The kind of session a rule counts (`bijeenkomst`, `praktijkdag`); none counts for untyped rules only. */
  type: z.string().max(200).nullable().optional(),
  /** The day of the session; an id that is an ISO date is its day too. */
  date: IsoDateSchema.nullable().optional(),
  /** Whether the session has taken place; see `asOf` for the default. */
  held: z.boolean().nullable().optional(),
  title: z.string().max(500).nullable().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const MemberSchema = z.object({
  name: z.string().max(500),
  attended: z.array(z.string().max(200)).default([]),
});

export const AttendanceRuleSchema = z.object({
  /** The session type the rule counts; absent or null counts every session. */
  type: z.string().max(200).nullable().optional(),
  minimum: z.number().int().min(0).max(100_000),
});

export const ATTENDANCE_FIELDS = ['name'] as const;

export const AttendanceRequestSchema = RequestBaseSchema.extend({
  sessions: z.array(SessionSchema).optional(),
  members: z.array(MemberSchema).optional(),
  /** A members × sessions block of ticks, instead of `sessions` and `members`. */
  grid: gridSchema(ATTENDANCE_FIELDS).optional(),
  rules: z.array(AttendanceRuleSchema).default([]),
  /** Sessions on or before this day count as held (when they have a date and no `held`). */
  asOf: IsoDateSchema.optional(),
}).superRefine((request, ctx) => {
  if (request.grid) return;
  for (const list of ['sessions', 'members'] as const) {
    if (request[list] === undefined) {
      ctx.addIssue({ code: 'custom', path: [list], message: `Geef ${list} of grid / give ${list} or grid` });
    }
  }
});
export type AttendanceRequest = z.infer<typeof AttendanceRequestSchema>;

export const RuleResultSchema = z.object({
  type: z.string().nullable(),
  attended: z.number().int(),
  minimum: z.number().int(),
  met: z.boolean(),
  /** Sessions of the type still to come. */
  remaining: z.number().int(),
  /** Sessions still to attend to meet the minimum (0 when met). */
  needed: z.number().int(),
  /** Whether the minimum is met or can still be met in the remaining sessions. */
  canStillMeet: z.boolean(),
});

export const AttendanceResponseSchema = z.object({
  members: z.array(
    z.object({
      name: z.string(),
      row: z.number().int(),
      rules: z.array(RuleResultSchema),
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.string(),
      type: z.string().nullable(),
      date: z.string().nullable(),
      held: z.boolean(),
      turnout: z.number().int(),
    }),
  ),
  findings: z.array(FindingSchema),
  /** For grid input: which sheet column holds the names (`{ name: "B" }`). */
  mapping: z.partialRecord(z.enum(ATTENDANCE_FIELDS), z.string()).optional(),
});
export type AttendanceResponse = z.infer<typeof AttendanceResponseSchema>;
