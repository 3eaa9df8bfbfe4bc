import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetWorkbook } from './workbooks.js';

const bin = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pd-bin-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the programme-desk bin under plain node', () => {
  it('runs the check and passes its exit status on', async () => {
    const file = join(dir, 'pilot.xlsx');
    await budgetWorkbook(file);
    const result = await node(['check', file, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("'Offerte 2024'!J9");
    expect(result.stdout).toContain('LINE_TOTAL_MISMATCH: Line total €2,662.50 does not add up');
    const unreadable = await node(['check', join(dir, 'missing.xlsx')]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toContain('niet te lezen: bestand niet gevonden');
  });
});
