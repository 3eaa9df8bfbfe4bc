import { z } from 'zod';
import type { Lang } from './locale.js';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  severity: SeveritySchema,
  code: z.string(),
  message: z.string(),
  row: z.number().int().optional(),
  field: z.string().optional(),
  ref: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Where a finding points: the row of the request's list or grid, the field, and the cell. */
export type FindingPlace = Pick<Finding, 'row' | 'field' | 'ref' | 'expected' | 'actual'>;

/** A message in both languages; `{name}` stands for a parameter. */
export interface MessageText {
  nl: string;
  en: string;
}

/** One entry of a domain's table of finding codes: its severity and its message. */
export interface CodeEntry extends MessageText {
  severity: Severity;
}

export type Params = Record<string, string | number | undefined>;

/** Fills `{name}` placeholders of a template; an unknown name is left as it is. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Makes the finding factory of a domain from its table of codes, so that severities and
 * both languages of every message live in one place per domain.
 */
export function findingsFor<Code extends string>(table: Record<Code, CodeEntry>) {
  return (lang: Lang, code: Code, place: FindingPlace = {}, params: Params = {}): Finding => {
    const entry = table[code];
    const finding: Finding = {
      severity: entry.severity,
      code,
      message: fillTemplate(entry[lang], { ...place, ...params }),
    };
    for (const key of ['row', 'field', 'ref', 'expected', 'actual'] as const) {
      const value = place[key];
      if (value !== undefined) Object.assign(finding, { [key]: value });
    }
    return finding;
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** Findings in the order of the rows they are about (stable); those about no row last. */
export function byRow(findings: readonly Finding[]): Finding[] {
  const rowOf = (finding: Finding) => finding.row ?? Number.POSITIVE_INFINITY;
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rowOf(a.finding) - rowOf(b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}
