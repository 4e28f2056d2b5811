/** The address the dev server serves and the checked-in manifest.xml names. */
export const DEV_URL = 'https://localhost:3000/';

/**
 * The production address of the add-in, from MIB_PUBLIC_URL: where dist/ is served (an agency's intranet
 * server, e.g. https://yb.example.gov.cn/mib/). Office requires https. Without it the production build
 * keeps https://localhost:3000/ (serving dist/ locally still works) and the build says so.
 */
export function publicUrlFrom(value: string | undefined): { url: string; fromEnvironment: boolean } {
  const text = value?.trim() ?? '';
  if (text === '') return { url: DEV_URL, fromEnvironment: false };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new Error(`MIB_PUBLIC_URL “${text}” is not a URL (expected e.g. https://yb.example.gov.cn/mib/)`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`MIB_PUBLIC_URL must use https (Office loads add-ins over https only), got “${text}”`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`MIB_PUBLIC_URL must be a plain https address without query, fragment or credentials, got “${text}”`);
  }
  const url = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  return { url, fromEnvironment: true };
}

/** The manifest with every occurrence of the dev address replaced by the public one. */
export function rewriteManifest(xml: string, url: string): string {
  return xml.split(DEV_URL).join(url);
}
