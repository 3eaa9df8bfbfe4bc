import { createLocalHost } from './local.js';

/**
 * `npm run api`: the functions on the local host. `npm start` serves the task pane from the
 * same origin once it exists (`--api-only` leaves it out).
 */
const port = Number(process.env.PORT ?? 7071);
const server = createLocalHost();
server.listen(port, () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`Programme Desk API klaar / ready: http://localhost:${bound}/api`);
});
