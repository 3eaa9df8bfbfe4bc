/**
 * What cannot be deployed from here is still checked here: the compiled app is loaded the way the
 * Azure Functions Node.js worker loads it (package.json `main`, with `@azure/functions-core`
 * provided), its registrations are compared with the contract, `host.json` is checked, and the
 * Bicep compiles where the `bicep` CLI exists.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFor } from '../scripts/manifest.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Inside the project, so that the compiled app resolves its packages from node_modules as on Azure.
const WORK = join(ROOT, 'node_modules', '.cache', 'programme-desk-deploy-test');
const OUT = join(WORK, 'dist');

/** The routes of the contract (../shared/docs/contract.md), all POST under /api. */
const CONTRACT_ROUTES = [
  'budget/validate',
  'calendar/generate',
  'calendar/ics',
  'attendance/check',
  'progress/tally',
];

/** The stand-in for the module the Functions worker provides; it records what the app registers. */
const FUNCTIONS_CORE_STUB = `
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const record = { programmingModel: null, functions: [], invocation: null };
const handlers = new Map();
const core = {
  version: '3.10.1',
  hostVersion: '4.1000.0',
  setProgrammingModel(model) { record.programmingModel = { name: model.name, version: model.version }; },
  getProgrammingModel() { return undefined; },
  registerFunction(metadata, handler) { record.functions.push(metadata); handlers.set(metadata.name, handler); return { dispose() {} }; },
  registerHook() { return { dispose() {} }; },
  log() {},
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === '@azure/functions-core' ? __filename : resolve.call(this, request, ...rest);
};
module.exports = core;
globalThis.__functionsCore = { record, handlers };
process.on('exit', () => writeFileSync(process.env.FUNCTIONS_CORE_RECORD, JSON.stringify(record)));
`;

/** Loads `main` like the worker (an ES module import), then calls the budget handler once. */
const LOADER = `
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(process.env.APP_MAIN).href);
const functions = await import('@azure/functions');
const { HttpRequest, InvocationContext } = functions.default ?? functions;
const { record, handlers } = globalThis.__functionsCore;
const budget = record.functions.find((f) => Object.values(f.bindings).some((b) => b.route === 'budget/validate'));
const request = new HttpRequest({
  method: 'POST',
  url: 'https://func.example.net/api/budget/validate',
  headers: { 'content-type': 'application/json' },
  body: { string: JSON.stringify({ lines: [{ item: 'Selfcare', unitCost: '€ 1.875,00', vat: '€ 393,75', units: 2, total: '€ 2.662,50' }] }) },
});
const response = await handlers.get(budget.name)(request, new InvocationContext({ functionName: budget.name }));
record.invocation = { status: response.status, body: JSON.parse(response.body) };
`;

interface Binding {
  type: string;
  direction: string;
  authLevel?: string;
  methods?: string[];
  route?: string;
}
interface Registration {
  name: string;
  bindings: Record<string, Binding>;
}
interface Recorded {
  programmingModel: { name: string; version: string } | null;
  functions: Registration[];
  invocation: { status: number; body: { valid: boolean; findings: { code: string }[] } } | null;
}

let record: Recorded;
let compileOutput = '';
const packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { main: string };
const buildConfig = JSON.parse(await readFile(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
  compilerOptions: { outDir: string; rootDir: string };
};

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  // `npm run build` (tsc -p tsconfig.build.json), into a scratch folder instead of dist/.
  compileOutput = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        OUT,
      ],
      { cwd: ROOT },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
  // package.json "main" is relative to the project; the build's outDir stands in for "dist/".
  const main = join(OUT, packageJson.main.replace(new RegExp(`^${buildConfig.compilerOptions.outDir}/`), ''));
  const stub = join(WORK, 'functions-core.cjs');
  await writeFile(stub, FUNCTIONS_CORE_STUB);
  const recordPath = join(WORK, 'record.json');
  execFileSync(process.execPath, ['-r', stub, '--input-type=module', '-e', LOADER], {
    cwd: ROOT,
    env: { ...process.env, APP_MAIN: main, FUNCTIONS_CORE_RECORD: recordPath },
    stdio: 'pipe',
  });
  record = JSON.parse(await readFile(recordPath, 'utf8')) as Recorded;
}, 180_000);

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
});

describe('the Functions app as the host loads it', () => {
  it('builds to the file package.json names as main', () => {
    expect(packageJson.main).toBe(`${buildConfig.compilerOptions.outDir}/functions/index.js`);
    expect(buildConfig.compilerOptions.rootDir).toBe('.');
    expect(existsSync(join(OUT, 'functions', 'index.js')), compileOutput).toBe(true);
  });

  it('registers with the v4 programming model, not in test mode', () => {
    expect(record.programmingModel?.name).toBe('@azure/functions');
  });

  it('registers every route of the contract once, as POST with function keys', () => {
    const triggers = record.functions.map((f) => {
      const trigger = Object.values(f.bindings).find((b) => b.type === 'httpTrigger');
      const output = Object.values(f.bindings).find((b) => b.type === 'http' && b.direction === 'out');
      return { name: f.name, trigger, output };
    });
    const routes = triggers.map((t) => t.trigger?.route);
    for (const route of CONTRACT_ROUTES)
      expect(
        routes.filter((r) => r === route),
        route,
      ).toHaveLength(1);
    for (const { name, trigger, output } of triggers) {
      expect(trigger, name).toMatchObject({ direction: 'in', authLevel: 'function', methods: ['POST'] });
      expect(output, name).toBeDefined();
    }
    expect(new Set(triggers.map((t) => t.name)).size).toBe(triggers.length);
  });

  it('serves a request through the registered handler', () => {
    expect(record.invocation?.status).toBe(200);
    expect(record.invocation?.body.valid).toBe(false);
    expect(record.invocation?.body.findings.map((f) => f.code)).toContain('LINE_TOTAL_MISMATCH');
  });
});

describe('host.json', () => {
  it('puts the routes under /api with the v4 extension bundle', async () => {
    const host = JSON.parse(await readFile(join(ROOT, 'host.json'), 'utf8')) as {
      version: string;
      extensions?: { http?: { routePrefix?: string } };
      extensionBundle?: { id: string; version: string };
    };
    expect(host.version).toBe('2.0');
    expect(host.extensions?.http?.routePrefix).toBe('api');
    expect(host.extensionBundle?.id).toBe('Microsoft.Azure.Functions.ExtensionBundle');
    expect(host.extensionBundle?.version).toBe('[4.*, 5.0.0)');
  });
});

function findBicep(): string[] | undefined {
  for (const command of [
    ['bicep', '--version'],
    ['az', 'bicep', 'version'],
  ]) {
    try {
      execFileSync(command[0] ?? '', command.slice(1), { stdio: 'pipe', timeout: 30_000 });
      return command[0] === 'az' ? ['az', 'bicep'] : ['bicep'];
    } catch {
      // not installed
    }
  }
  return undefined;
}
const bicep = findBicep();

describe('infra/ (Bicep) and azure.yaml', () => {
  const read = (path: string) => readFile(join(ROOT, path), 'utf8');

  it.skipIf(!bicep)(
    `compiles infra/main.bicep with the bicep CLI${bicep ? '' : ' — SKIPPED: no `bicep` or `az bicep` on this machine (Debian and npm do not ship it; install it from https://aka.ms/bicep to run this check)'}`,
    () => {
      const [command = 'bicep', ...prefix] = bicep ?? [];
      const output = execFileSync(
        command,
        [...prefix, 'build', join(ROOT, 'infra', 'main.bicep'), '--stdout'],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      const template = JSON.parse(output) as { resources: unknown };
      expect(template.resources).toBeDefined();
    },
  );

  it('runs Node 20 on Flex Consumption with Application Insights, HTTPS only', async () => {
    const bicepText = await read('infra/resources.bicep');
    expect(bicepText).toMatch(/sku: \{ name: 'FC1', tier: 'FlexConsumption' \}/);
    expect(bicepText).toMatch(/runtime: \{ name: 'node', version: '20' \}/);
    expect(bicepText).toContain("'Microsoft.Insights/components@");
    expect(bicepText).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(bicepText).toContain('httpsOnly: true');
    expect(bicepText).toContain("'Microsoft.Web/staticSites@");
  });

  it('limits CORS to the pane origin: no wildcard, no credentials', async () => {
    const bicepText = await read('infra/resources.bicep');
    expect(bicepText).toMatch(/var paneOrigin = 'https:\/\/\$\{pane\.properties\.defaultHostname\}'/);
    expect(bicepText).toContain('allowedOrigins: concat([ paneOrigin ], extraPaneOrigins)');
    expect(bicepText).toContain('supportCredentials: false');
    expect(bicepText).not.toMatch(/allowedOrigins:[^\n]*'\*'/);
  });

  it('gives every parameter without a default a value in main.parameters.json, and the outputs azure.yaml uses', async () => {
    const main = await read('infra/main.bicep');
    const params = JSON.parse(await read('infra/main.parameters.json')) as {
      parameters: Record<string, unknown>;
    };
    const required = [...main.matchAll(/^param (\w+) \w+$/gm)].map((m) => m[1]);
    for (const name of required) expect(Object.keys(params.parameters), name).toContain(name);
    const azureYaml = await read('azure.yaml');
    for (const variable of azureYaml.matchAll(/\$(\w+_URL)/g)) {
      expect(main, variable[1]).toMatch(new RegExp(`^output ${variable[1]} string`, 'm'));
    }
    expect(azureYaml).toMatch(/^ {2}api:\n {4}project: \.\n {4}language: ts\n {4}host: function$/m);
    expect(azureYaml).toMatch(/host: staticwebapp\n {4}dist: dist\/addin/);
    // Every service azd deploys is tagged for it in the Bicep.
    const resources = await read('infra/resources.bicep');
    for (const service of ['api', 'pane']) expect(resources).toContain(`'azd-service-name': '${service}'`);
  });

  it('writes the production manifest for the deployed pane with scripts/manifest.ts', async () => {
    const template = await read('manifest.xml');
    const xml = manifestFor('https://swa-abc123.azurestaticapps.net', template);
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('https://swa-abc123.azurestaticapps.net/taskpane.html');
    expect(await read('azure.yaml')).toContain('npx tsx scripts/manifest.ts "$PANE_URL" dist/manifest.xml');
  });
});
