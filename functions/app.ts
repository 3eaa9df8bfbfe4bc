import type { HttpFunctionOptions } from '@azure/functions';
import { attendanceCheck } from './attendanceCheck.js';
import { budgetValidate } from './budgetValidate.js';
import { calendarGenerate } from './calendarGenerate.js';
import { calendarIcs } from './calendarIcs.js';
import type { Endpoint } from './http/endpoint.js';
import { progressTally } from './progressTally.js';

/** Every endpoint of the contract; one thin handler each. */
export const endpoints: readonly Endpoint[] = [
  budgetValidate,
  calendarGenerate,
  calendarIcs,
  attendanceCheck,
  progressTally,
];

/** What registration needs of `app` from `@azure/functions`, so the local host can pass its own. */
export interface HttpRegistrar {
  http(name: string, options: HttpFunctionOptions): void;
}

/**
 * Registers every endpoint with `app.http`. The Functions host and the local host both call
 * this, so they serve the very same routes and handlers.
 */
export function registerFunctions(app: HttpRegistrar): void {
  for (const endpoint of endpoints) {
    app.http(endpoint.name, {
      methods: ['POST'],
      authLevel: 'function',
      route: endpoint.route,
      handler: endpoint.handler,
    });
  }
}
