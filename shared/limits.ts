import type { MessageText } from './findings.js';

/**
 * Thrown by an engine when a request asks for more work than the documented limits allow
 * (rows, events, a date span). The HTTP layer answers it with 422; it is checked before the
 * work is done, never after.
 */
export class WorkLimitError extends Error {
  constructor(
    readonly path: string,
    readonly text: MessageText,
  ) {
    super(text.en);
    this.name = 'WorkLimitError';
  }
}

/** The limits of the budget check, documented in docs/api.md. */
export const BUDGET_LIMITS = {
  lines: 50_000,
  gridColumns: 200,
  programmeItems: 500,
  /** Lines × programme items compared for the nearest name. */
  nameComparisons: 2_000_000,
} as const;
