#!/usr/bin/env node
// The `programme-desk` command (package.json `bin`). Runs the TypeScript sources through tsx when
// it is installed (any clone after `npm install`), else the compiled `dist/cli/main.js` (after
// `npm run build` with `cli` in tsconfig.build.json, for an install without dev dependencies).
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  register = undefined;
}
let main;
try {
  if (register) register();
  ({ main } = await import(register ? './main.ts' : '../dist/cli/main.js'));
} catch (error) {
  if (register || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(
    'programme-desk: run `npm install` first (or `npm run build` without dev dependencies).\n',
  );
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns,
});
