import { tallyProgress } from '../shared/tally/engine.js';
import { TallyRequestSchema } from '../shared/tally/schema.js';
import { defineEndpoint } from './http/endpoint.js';

export const progressTally = defineEndpoint({
  name: 'progressTally',
  route: 'progress/tally',
  schema: TallyRequestSchema,
  run: tallyProgress,
});
