import { validateBudget } from '../shared/budget/engine.js';
import { BudgetRequestSchema } from '../shared/budget/schema.js';
import { defineEndpoint } from './http/endpoint.js';

export const budgetValidate = defineEndpoint({
  name: 'budgetValidate',
  route: 'budget/validate',
  schema: BudgetRequestSchema,
  run: validateBudget,
});
