/**
 * The fields of a budget line, in the order a table shows them. Kept apart from the schemas so
 * that the task pane can list them without bundling zod.
 */
export const BUDGET_FIELDS = [
  'nr',
  'item',
  'provider',
  'unitCost',
  'vat',
  'vatRate',
  'travel',
  'units',
  'total',
] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];
