#!/usr/bin/env node
// The `programme-desk` command (package.json `bin`). Runs the TypeScript sources through tsx
// where it is installed (a clone after `npm install`), else the compiled `dist/cli/main.js`
// (after `npm run build`, for an install without dev dependencies).
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  register = undefined;
}
if (register) register();
const { main } = await import(register ? './main.ts' : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns,
});
