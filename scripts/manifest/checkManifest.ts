// Offline checks of the add-in-only manifest. `office-addin-manifest validate` posts the manifest to an
// online service this machine cannot reach and no XSD ships in any npm package, so the rules the add-in
// depends on are checked here: well-formed XML, element order where the schema fixes it, every resid
// defined, URLs consistent and on the add-in's own address, the requirement sets, the MIB namespace and
// the zh-CN overrides. Used by test/manifest.test.ts, test/build.test.ts and `npm run validate`.
import { DOMParser, type Element, onWarningStopParsing } from '@xmldom/xmldom';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The requirement sets the features need, and no more: one shared runtime for the pane and the
 * functions (SharedRuntime 1.1), CustomFunctions.Error with an error code and a message (1.3), and the
 * highest ExcelApi set the code calls (1.9: test/excel/apiSets.test.ts finds every call). */
export const REQUIRED_SETS: Record<string, string> = { SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', ExcelApi: '1.9' };

export const NAMESPACE = 'MIB';

/** Child order the schema (TaskPaneApp, VersionOverrides V1_0) fixes, by parent element. */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
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
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'VersionOverrides'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  CustomFunctions: ['Script', 'Page', 'Metadata', 'Namespace'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  ShowTaskpane: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

/** Which resource list a resid must be defined in, by the element that holds the resid. */
const RESOURCE_KIND: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
  Image: 'Images',
  Runtime: 'Urls',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Namespace: 'ShortStrings',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Documented length limits of the resource strings. */
const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 } as const;

export interface ManifestCheckOptions {
  /** the address every URL must start with; by default the directory of DefaultSettings/SourceLocation */
  base?: string;
}

function children(element: Element): Element[] {
  const list: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) list.push(node as Element);
  return list;
}

function descendants(element: Element): Element[] {
  return children(element).flatMap((child) => [child, ...descendants(child)]);
}

function typeOf(element: Element): string | null {
  return element.getAttributeNS(XSI, 'type') || null;
}

/** The element's position for messages: OfficeApp/VersionOverrides/Hosts/Host. */
function pathOf(element: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = element; node && node.nodeType === 1; node = node.parentNode as Element | null) {
    parts.unshift(node.localName ?? node.nodeName);
  }
  return parts.join('/');
}

export interface ParsedManifest {
  root: Element;
}

/** Parses strictly: any warning or error of the XML parser makes the manifest not well-formed. */
export function parseManifest(xml: string): ParsedManifest | { error: string } {
  try {
    const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, 'text/xml');
    const root = document.documentElement;
    if (!root) return { error: 'no root element' };
    return { root };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function checkOrder(root: Element, problems: string[]): void {
  for (const element of [root, ...descendants(root)]) {
    const key = element.localName === 'ExtensionPoint' || element.localName === 'Action' ? typeOf(element) : element.localName;
    const order = key ? ORDER[key] : undefined;
    if (!order) continue;
    let last = -1;
    for (const child of children(element)) {
      const at = order.indexOf(child.localName ?? '');
      if (at < 0) problems.push(`${pathOf(child)}: <${child.localName}> is not expected inside <${key}>`);
      else if (at < last)
        problems.push(`${pathOf(child)}: <${child.localName}> must come before <${order[last]}> (schema order: ${order.join(', ')})`);
      else last = at;
    }
  }
}

interface ResourceEntry {
  kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
  value: string;
  overrides: Map<string, string>;
}

function readResources(root: Element, problems: string[]): Map<string, ResourceEntry> {
  const resources = new Map<string, ResourceEntry>();
  const resourcesElement = descendants(root).find((e) => e.localName === 'Resources');
  if (!resourcesElement) {
    problems.push('VersionOverrides has no <Resources>');
    return resources;
  }
  for (const list of children(resourcesElement)) {
    const kind = list.localName as ResourceEntry['kind'];
    for (const entry of children(list)) {
      const id = entry.getAttribute('id') ?? '';
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      const overrides = new Map<string, string>();
      for (const o of children(entry)) if (o.localName === 'Override') overrides.set(o.getAttribute('Locale') ?? '', o.getAttribute('Value') ?? '');
      resources.set(id, { kind, value: entry.getAttribute('DefaultValue') ?? '', overrides });
    }
  }
  return resources;
}

function checkResids(root: Element, resources: Map<string, ResourceEntry>, problems: string[]): void {
  const used = new Set<string>();
  for (const element of descendants(root)) {
    const resid = element.getAttribute('resid');
    if (!resid) continue;
    used.add(resid);
    const entry = resources.get(resid);
    const expected = RESOURCE_KIND[element.localName ?? ''];
    if (!entry) problems.push(`${pathOf(element)}: resid "${resid}" is not defined in <Resources>`);
    else if (expected && entry.kind !== expected)
      problems.push(`${pathOf(element)}: resid "${resid}" must be in <bt:${expected}>, found in <bt:${entry.kind}>`);
  }
  for (const id of resources.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
  for (const [id, entry] of resources) {
    const max = entry.kind === 'ShortStrings' || entry.kind === 'LongStrings' ? MAX_LENGTH[entry.kind] : undefined;
    for (const text of [entry.value, ...entry.overrides.values()]) {
      if (max !== undefined && text.length > max) problems.push(`resource "${id}" is ${text.length} characters, more than ${max}`);
    }
  }
}

function first(root: Element, localName: string, filter: (e: Element) => boolean = () => true): Element | undefined {
  return descendants(root).find((e) => e.localName === localName && filter(e));
}

/** Every URL the manifest holds: top-level URL elements and the Images/Urls resources with overrides. */
export function manifestUrls(root: Element): string[] {
  const urls: string[] = [];
  for (const element of descendants(root)) {
    const inResources = element.parentNode && ['Images', 'Urls'].includes((element.parentNode as Element).localName ?? '');
    const topLevelUrl =
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].includes(element.localName ?? '') ||
      (element.localName === 'SourceLocation' && (element.parentNode as Element | null)?.localName === 'DefaultSettings');
    if (inResources || topLevelUrl) {
      urls.push(element.getAttribute('DefaultValue') ?? '');
      for (const o of children(element)) if (o.localName === 'Override') urls.push(o.getAttribute('Value') ?? '');
    }
  }
  return urls;
}

function checkUrls(root: Element, resources: Map<string, ResourceEntry>, options: ManifestCheckOptions, problems: string[]): void {
  const start =
    first(root, 'SourceLocation', (e) => (e.parentNode as Element | null)?.localName === 'DefaultSettings')?.getAttribute('DefaultValue') ?? '';
  const base = options.base ?? start.slice(0, start.lastIndexOf('/') + 1);
  for (const url of manifestUrls(root)) {
    if (!url.startsWith('https://')) problems.push(`URL ${url || '(empty)'} is not https`);
    else if (!url.startsWith(base)) problems.push(`URL ${url} is not under the add-in's address ${base}`);
  }
  const page = resources.get('Taskpane.Url')?.value;
  if (page !== start) problems.push(`DefaultSettings/SourceLocation (${start}) and Taskpane.Url (${page}) differ`);
  // one shared runtime: the runtime, the custom functions page, the command file and the pane are one page
  const runtime = first(root, 'Runtime');
  if (runtime?.getAttribute('lifetime') !== 'long') problems.push('the shared <Runtime> must have lifetime="long"');
  const runtimeResid = runtime?.getAttribute('resid');
  const customFunctions = first(root, 'ExtensionPoint', (e) => typeOf(e) === 'CustomFunctions');
  const pageResid = customFunctions && first(customFunctions, 'Page')?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
  const paneResid = first(root, 'Action', (e) => typeOf(e) === 'ShowTaskpane')
    ?.getElementsByTagName('SourceLocation')[0]
    ?.getAttribute('resid');
  const functionFile = first(root, 'FunctionFile')?.getAttribute('resid');
  for (const [what, resid] of [
    ['CustomFunctions Page', pageResid],
    ['ShowTaskpane', paneResid],
    ['FunctionFile', functionFile],
  ] as const) {
    if (resid !== runtimeResid) problems.push(`${what} uses "${resid}" but the shared runtime is "${runtimeResid}"`);
  }
  const script = customFunctions && first(customFunctions, 'Script')?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
  if (!resources.get(script ?? '')?.value.endsWith('/functions.js')) problems.push('the custom functions <Script> must name functions.js');
  const metadataResid = customFunctions && first(customFunctions, 'Metadata')?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
  const metadata = resources.get(metadataResid ?? '');
  if (!metadata?.value.endsWith('/functions.json')) problems.push('the custom functions <Metadata> must name functions.json');
  if (!metadata?.overrides.get('zh-CN')?.endsWith('/functions.zh-CN.json'))
    problems.push('functions.json needs a zh-CN override naming functions.zh-CN.json');
}

function checkRequirements(root: Element, problems: string[]): void {
  const requirements = children(root).find((e) => e.localName === 'Requirements');
  const sets = new Map<string, string>();
  for (const set of requirements ? descendants(requirements).filter((e) => e.localName === 'Set') : []) {
    const fallback = (set.parentNode as Element | null)?.getAttribute('DefaultMinVersion') ?? '';
    sets.set(set.getAttribute('Name') ?? '', set.getAttribute('MinVersion') || fallback);
  }
  const expected = Object.entries(REQUIRED_SETS)
    .map(([n, v]) => `${n} ${v}`)
    .sort()
    .join(', ');
  const actual = [...sets]
    .map(([n, v]) => `${n} ${v}`)
    .sort()
    .join(', ');
  if (expected !== actual) problems.push(`requirement sets are [${actual}], intended [${expected}]`);
}

function checkLocalisation(root: Element, resources: Map<string, ResourceEntry>, problems: string[]): void {
  for (const name of ['DisplayName', 'Description']) {
    const element = children(root).find((e) => e.localName === name);
    const zh = element && children(element).find((o) => o.localName === 'Override' && o.getAttribute('Locale') === 'zh-CN');
    if (!zh?.getAttribute('Value')) problems.push(`<${name}> has no zh-CN override`);
  }
  for (const [id, entry] of resources) {
    if ((entry.kind === 'ShortStrings' || entry.kind === 'LongStrings') && id !== 'Functions.Namespace' && !entry.overrides.get('zh-CN')) {
      problems.push(`string "${id}" has no zh-CN override`);
    }
  }
}

/** Problems found in a manifest; an empty list means it passed every offline check. */
export function checkManifest(xml: string, options: ManifestCheckOptions = {}): string[] {
  const parsed = parseManifest(xml);
  if ('error' in parsed) return [`not well-formed XML: ${parsed.error}`];
  const { root } = parsed;
  const problems: string[] = [];
  if (root.localName !== 'OfficeApp' || typeOf(root) !== 'TaskPaneApp') problems.push('the root must be <OfficeApp xsi:type="TaskPaneApp">');
  if (
    children(root)
      .find((e) => e.localName === 'Hosts')
      ?.getElementsByTagName('Host')[0]
      ?.getAttribute('Name') !== 'Workbook'
  ) {
    problems.push('the add-in must declare <Host Name="Workbook"/> (Excel)');
  }
  checkOrder(root, problems);
  const resources = readResources(root, problems);
  checkResids(root, resources, problems);
  checkUrls(root, resources, options, problems);
  checkRequirements(root, problems);
  if (resources.get('Functions.Namespace')?.value !== NAMESPACE) problems.push(`the custom functions namespace must be ${NAMESPACE}`);
  checkLocalisation(root, resources, problems);
  return problems;
}
