// Entry point of the Azure Functions host (package.json `main`, after `npm run build`).
import functions from '@azure/functions';
import { registerFunctions } from './app.js';

registerFunctions(functions.app);
