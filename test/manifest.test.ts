import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { checkOrigin, DEV_ORIGIN, MANIFEST_PATH, manifestFor } from '../scripts/manifest.js';

/**
 * Offline checks of manifest.xml (the official validator posts it to an online service):
 * well-formed XML, element order and ids, every resid resolved to a resource of the right kind,
 * icons present with the declared sizes, URLs consistent with one origin and with files the pane
 * serves, Dutch default with English overrides, and the requirement set the code needs.
 */

const ROOT = join(import.meta.dirname, '..');
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

interface Node {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** A strict, namespace-aware parse (saxes throws on anything not well-formed). */
function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      const a = attr as { uri: string; local: string; value: string };
      attrs[a.uri === NS.xsi ? `xsi:${a.local}` : a.local] = a.value;
    }
    const node: Node = { name: tag.local ?? tag.name, uri: tag.uri ?? '', attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

const all = (node: Node): Node[] => [node, ...node.children.flatMap(all)];
const child = (node: Node, name: string) => node.children.find((c) => c.name === name);
const textOf = (node: Node | undefined) => node?.text.trim() ?? '';

function checkManifest(xml: string, origin: string): void {
  const root = parse(xml);
  expect(root.name).toBe('OfficeApp');
  expect(root.uri).toBe(NS.app);
  expect(root.attrs['xsi:type']).toBe('TaskPaneApp');

  // The order the schema prescribes for the top-level elements.
  const order = [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ];
  expect(root.children.map((c) => c.name)).toEqual(order);
  expect(textOf(child(root, 'Id'))).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
  );
  expect(textOf(child(root, 'Version'))).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  expect(textOf(child(root, 'Permissions'))).toBe('ReadWriteDocument');

  // Dutch default, English overrides, within the schema's lengths.
  expect(textOf(child(root, 'DefaultLocale'))).toBe('nl-NL');
  for (const [name, max] of [
    ['DisplayName', 125],
    ['Description', 250],
  ] as const) {
    const node = child(root, name);
    expect(node?.attrs.DefaultValue?.length).toBeLessThanOrEqual(max);
    expect(node?.children.find((c) => c.name === 'Override')?.attrs.Locale).toBe('en-US');
  }

  // Workbook only, and the smallest requirement set the pane's code needs.
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name);
  expect(hosts).toEqual(['Workbook']);
  const sets = all(child(root, 'Requirements') as Node).filter((n) => n.name === 'Set');
  expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.2']]);

  // Resources: unique ids of at most 32 characters, each kind in its own list.
  const overrides = child(root, 'VersionOverrides') as Node;
  expect(overrides.uri).toBe(NS.ov);
  expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  const resources = child(overrides, 'Resources') as Node;
  const kinds = new Map<string, string>();
  for (const list of resources.children) {
    for (const resource of list.children) {
      const id = resource.attrs.id ?? '';
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(32);
      expect(kinds.has(id), `duplicate resource id ${id}`).toBe(false);
      kinds.set(id, list.name);
      if (list.name === 'ShortStrings' || list.name === 'LongStrings') {
        const max = list.name === 'ShortStrings' ? 125 : 250;
        expect(resource.attrs.DefaultValue?.length).toBeLessThanOrEqual(max);
        const english = resource.children.find((c) => c.name === 'Override');
        expect(english?.attrs.Locale, `${id} has an English override`).toBe('en-US');
        expect(english?.attrs.Value?.length).toBeLessThanOrEqual(max);
      }
    }
  }
  // Every resid resolves, to the kind of resource its element takes.
  const expectedKind = (parent: string, name: string): string => {
    if (name === 'Image') return 'Images';
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(name)) return 'Urls';
    if (name === 'Description' && parent !== 'GetStarted' && parent !== 'Supertip') return 'LongStrings';
    if (name === 'Description') return 'LongStrings';
    return 'ShortStrings';
  };
  const walk = (node: Node, parent: string) => {
    const resid = node.attrs.resid;
    if (resid !== undefined) {
      expect(kinds.get(resid), `resid ${resid} of ${parent}/${node.name}`).toBe(
        expectedKind(parent, node.name),
      );
    }
    for (const c of node.children) walk(c, node.name);
  };
  walk(child(overrides, 'Hosts') as Node, 'Hosts');

  // The ribbon: a button on the Home tab that shows the pane.
  const tab = all(overrides).find((n) => n.name === 'OfficeTab');
  expect(tab?.attrs.id).toBe('TabHome');
  const button = all(tab as Node).find((n) => n.name === 'Control');
  expect(button?.attrs['xsi:type']).toBe('Button');
  expect(all(button as Node).find((n) => n.name === 'Action')?.attrs['xsi:type']).toBe('ShowTaskpane');
  const label = all(resources).find((n) => n.attrs.id === child(button as Node, 'Label')?.attrs.resid);
  expect(label?.attrs.DefaultValue).toBe('Programme Desk');

  // Every URL on one origin, the AppDomain that origin, each file one the pane serves.
  const urls = all(root)
    .flatMap((n) => [n.attrs.DefaultValue, n.name === 'AppDomain' ? textOf(n) : undefined])
    .filter((v): v is string => typeof v === 'string' && /^https?:/.test(v));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(new URL(url).origin, url).toBe(origin);
  expect(textOf(all(root).find((n) => n.name === 'AppDomain'))).toBe(origin);
  const served = new Set([
    'taskpane.html',
    'commands.html',
    ...readdirSync(join(ROOT, 'addin', 'assets')).map((f) => `assets/${f}`),
  ]);
  for (const url of urls) {
    const path = new URL(url).pathname.replace(/^\//, '');
    if (path === '') continue;
    expect(served.has(path), `${url} is served`).toBe(true);
  }

  // Icons: present, PNG, and of the size declared.
  const pngSize = (path: string) => {
    const bytes = readFileSync(join(ROOT, 'addin', path));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  };
  const iconPath = (url: string | undefined) => new URL(url ?? '').pathname.replace(/^\//, '');
  expect(pngSize(iconPath(child(root, 'IconUrl')?.attrs.DefaultValue))).toEqual([32, 32]);
  expect(pngSize(iconPath(child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue))).toEqual([64, 64]);
  for (const image of all(overrides).filter((n) => n.name === 'Image' && n.attrs.size)) {
    const resource = all(resources).find((n) => n.name === 'Image' && n.attrs.id === image.attrs.resid);
    const size = Number(image.attrs.size);
    expect(pngSize(iconPath(resource?.attrs.DefaultValue))).toEqual([size, size]);
  }
}

describe('manifest.xml (offline checks)', () => {
  const xml = readFileSync(MANIFEST_PATH, 'utf8');

  it('is well-formed, complete and consistent for the dev server', () => {
    checkManifest(xml, DEV_ORIGIN);
  });

  it('refuses what is not well-formed', () => {
    expect(() => parse(xml.replace('</Version>', '</Versio>'))).toThrow();
  });

  it('reads as the Office tooling reads it', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST_PATH);
    expect(info.defaultLocale).toBe('nl-NL');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.displayName).toBe('Programme Desk');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  it('is written for a deployed address by scripts/manifest.ts', () => {
    const deployed = manifestFor('https://desk.example.org', xml);
    expect(deployed).not.toContain('localhost');
    checkManifest(deployed, 'https://desk.example.org');
    expect(() => checkOrigin('http://desk.example.org')).toThrow(/HTTPS/);
    expect(() => checkOrigin('https://desk.example.org/pane')).toThrow(/origin/);
  });

  it('asks no more than the code uses: no API above ExcelApi 1.2 in the pane', () => {
    // Methods of later sets that would raise the requirement (ExcelApi 1.3 and up).
    const later = [
      'getSurroundingRegion',
      'getRangeByIndexes',
      'getItemOrNullObject',
      'getUsedRangeOrNullObject',
      'workbook.settings',
      '.hyperlink',
      'getSpillingToRange',
      'worksheets.onAdded',
      'getCellProperties',
      'setCellProperties',
      'getIntersectionOrNullObject',
      'tables.onChanged',
      'workbook.application',
    ];
    const dir = join(ROOT, 'addin', 'src');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const name of later) expect(source.includes(name), `${file} uses ${name}`).toBe(false);
    }
    expect(existsSync(join(ROOT, 'addin', 'commands.html'))).toBe(true);
  });
});
