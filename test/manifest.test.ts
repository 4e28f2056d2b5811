// manifest.xml checked offline: `office-addin-manifest validate` needs Microsoft's online service, which
// this machine cannot reach, and no XSD ships in any npm package. The rules live in
// scripts/manifest/checkManifest.ts (also `npm run validate`); here they run on the real manifest, and on
// broken copies to prove each rule catches what it is meant to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_URL } from '../scripts/build/publicUrl';
import { pngSize } from './support/pngSize';
import { checkManifest, manifestUrls, NAMESPACE, parseManifest, REQUIRED_SETS } from '../scripts/manifest/checkManifest';

const ROOT = path.resolve(import.meta.dirname, '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** The build's outputs a manifest URL may name (test/build.test.ts checks them in dist/). */
const SERVED = [
  'taskpane.html',
  'functions.js',
  'functions.json',
  'functions.zh-CN.json',
  'assets/icon-16.png',
  'assets/icon-32.png',
  'assets/icon-64.png',
  'assets/icon-80.png',
];

function broken(from: string | RegExp, to: string): string[] {
  const changed = xml.replace(from, to);
  expect(changed, `the test's replacement of ${String(from)} must change the manifest`).not.toBe(xml);
  return checkManifest(changed);
}

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(checkManifest(xml)).toEqual([]);
  });

  it('is well-formed XML with the Office add-in namespaces', () => {
    const parsed = parseManifest(xml);
    expect('root' in parsed).toBe(true);
    if ('root' in parsed) {
      expect(parsed.root.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
      expect(parsed.root.getElementsByTagName('VersionOverrides')[0]?.namespaceURI).toBe(
        'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
      );
    }
  });

  it('every URL is https on the dev address and names a file the build serves', () => {
    const parsed = parseManifest(xml);
    if (!('root' in parsed)) throw new Error(parsed.error);
    const urls = manifestUrls(parsed.root);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      expect(SERVED).toContain(url.slice(DEV_URL.length));
    }
  });

  it('the icons it names exist in assets/ at the sizes it declares', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(xml).toContain(`<IconUrl DefaultValue="${DEV_URL}assets/icon-32.png"/>`);
    expect(xml).toContain(`<HighResolutionIconUrl DefaultValue="${DEV_URL}assets/icon-64.png"/>`);
    for (const size of [16, 32, 80]) expect(xml).toContain(`<bt:Image id="Icon.${size}x${size}" DefaultValue="${DEV_URL}assets/icon-${size}.png"/>`);
  });

  it('asks for the intended requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi 1.9', () => {
    expect(REQUIRED_SETS).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', ExcelApi: '1.9' });
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(xml).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(xml).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>');
  });

  it('declares the custom functions in the MIB namespace, with zh-CN metadata', () => {
    expect(NAMESPACE).toBe('MIB');
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="MIB"/>');
    expect(xml).toContain(`<bt:Override Locale="zh-CN" Value="${DEV_URL}functions.zh-CN.json"/>`);
  });

  it('shows Chinese to a zh-CN Excel: name, description, ribbon group and button', () => {
    expect(xml).toContain('<Override Locale="zh-CN" Value="MIB 考核助手"/>');
    expect(xml).toContain('<bt:Override Locale="zh-CN" Value="考核助手"/>');
  });
});

describe('each offline rule catches what it is meant to', () => {
  it('not well-formed', () => {
    expect(broken('</DisplayName>', '</Displayname>')[0]).toMatch(/^not well-formed XML/);
  });

  it('element order (DesktopFormFactor before AllFormFactors; Script after Page)', () => {
    const swapped = xml.replace(/(<AllFormFactors>[\s\S]*<\/AllFormFactors>)(\s*)(<DesktopFormFactor>[\s\S]*<\/DesktopFormFactor>)/, '$3$2$1');
    expect(
      checkManifest(swapped).some((p) => p.includes('<DesktopFormFactor> must come before') || p.includes('<AllFormFactors> must come before')),
    ).toBe(true);
    const order = xml.replace(/(<Script>[\s\S]*?<\/Script>)(\s*)(<Page>[\s\S]*?<\/Page>)/, '$3$2$1');
    expect(checkManifest(order)).toContain(
      'OfficeApp/VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint/Script: <Script> must come before <Page> (schema order: Script, Page, Metadata, Namespace)',
    );
  });

  it('a resid with no resource, or in the wrong resource list', () => {
    expect(broken('<Label resid="Group.Label"/>', '<Label resid="Group.Title"/>')).toContain(
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Label: resid "Group.Title" is not defined in <Resources>',
    );
    expect(
      broken('<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>').some((p) => p.includes('must be in <bt:ShortStrings>')),
    ).toBe(true);
  });

  it('a URL outside the add-in’s address, or not https', () => {
    expect(broken(`${DEV_URL}assets/icon-16.png`, 'https://cdn.example.com/icon-16.png')).toContain(
      `URL https://cdn.example.com/icon-16.png is not under the add-in's address ${DEV_URL}`,
    );
    expect(broken(`DefaultValue="${DEV_URL}functions.js"`, 'DefaultValue="http://localhost:3000/functions.js"')).toContain(
      'URL http://localhost:3000/functions.js is not https',
    );
  });

  it('the shared runtime split over two pages', () => {
    expect(broken('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>')).toContain(
      'the shared <Runtime> must have lifetime="long"',
    );
  });

  it('requirement sets other than intended', () => {
    expect(broken('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>')).toContain(
      'requirement sets are [CustomFunctionsRuntime 1.1, ExcelApi 1.9, SharedRuntime 1.1], intended [CustomFunctionsRuntime 1.3, ExcelApi 1.9, SharedRuntime 1.1]',
    );
  });

  it('another namespace, or a missing zh-CN override', () => {
    expect(broken('DefaultValue="MIB"/>', 'DefaultValue="CONTOSO"/>')).toContain('the custom functions namespace must be MIB');
    expect(broken('<Override Locale="zh-CN" Value="MIB 考核助手"/>', '')).toContain('<DisplayName> has no zh-CN override');
    expect(broken(/<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions.zh-CN.json"\/>/, '')).toContain(
      'functions.json needs a zh-CN override naming functions.zh-CN.json',
    );
  });

  it('a string longer than Office allows', () => {
    expect(broken('DefaultValue="MIB Assessment is ready"', `DefaultValue="${'x'.repeat(126)}"`)).toContain(
      'resource "GetStarted.Title" is 126 characters, more than 125',
    );
  });
});
