import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface HttpsOptions {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

interface DevCertPaths {
  caCertificatePath: string;
  localhostCertificatePath: string;
  localhostKeyPath: string;
}

/** What is taken from office-addin-dev-certs (a stand-in in tests: nothing is written to ~/). */
export interface DevCertTools {
  getHttpsServerOptions(): Promise<HttpsOptions>;
  paths: DevCertPaths;
}

/** The certificates the dev server serves with; `problem` when they are not trusted by the system. */
export interface DevCertificates {
  options: HttpsOptions;
  caPath: string;
  /** why the CA could not be installed (first line of office-addin-dev-certs' error); absent when it was */
  problem?: string;
}

/** Set by `npm start` for the server it starts: the certificates were checked (and the outcome said) there. */
export const CERTIFICATES_CHECKED = 'MIB_DEV_CERTIFICATES_CHECKED';

function officeAddinDevCerts(): DevCertTools {
  const require = createRequire(import.meta.url);
  const certs = require('office-addin-dev-certs') as Pick<DevCertTools, 'getHttpsServerOptions'>;
  return { getHttpsServerOptions: () => certs.getHttpsServerOptions(), paths: require('office-addin-dev-certs/lib/defaults') as DevCertPaths };
}

function readCertificates(paths: DevCertPaths): HttpsOptions {
  return { ca: readFileSync(paths.caCertificatePath), cert: readFileSync(paths.localhostCertificatePath), key: readFileSync(paths.localhostKeyPath) };
}

/**
 * Generates (when needed) and installs the dev certificates through office-addin-dev-certs. Where they are
 * generated but the CA cannot be added to the system store (Debian as root: "sudo: not found"),
 * getHttpsServerOptions throws although the files exist: they are served anyway and `problem` says why
 * a browser will not trust them. Throws when there are no certificate files at all.
 */
export async function devCertificates(tools: DevCertTools = officeAddinDevCerts()): Promise<DevCertificates> {
  const caPath = tools.paths.caCertificatePath;
  try {
    return { options: await tools.getHttpsServerOptions(), caPath };
  } catch (error) {
    const files = [caPath, tools.paths.localhostCertificatePath, tools.paths.localhostKeyPath];
    if (!files.every((file) => existsSync(file))) throw error;
    const problem = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { options: readCertificates(tools.paths), caPath, problem };
  }
}

/** What `npm start` prints when the CA could not be installed (Chinese, with the installer's own words). */
export function certificateNotice(certificates: DevCertificates, url: string): string | null {
  if (certificates.problem === undefined) return null;
  return (
    `注意：开发证书已生成，但未能安装为系统信任的证书（${certificates.problem}）。\n` +
    `开发服务器仍用它提供 ${url}；浏览器和 Excel 要信任它，需把 ${certificates.caPath} 导入为“受信任的根证书颁发机构”，` +
    `否则加载项无法加载（浏览器显示证书警告）。`
  );
}

/**
 * The dev server's https options (webpack.config.js). Under `npm start` the certificates were checked
 * and any problem said in its output before the server started: the files are read as they are, so the
 * CA that message names is the one served. Under `npm run dev-server` the check runs here and the
 * problem goes to the console.
 */
export async function devHttpsOptions(): Promise<HttpsOptions> {
  const tools = officeAddinDevCerts();
  if (process.env[CERTIFICATES_CHECKED] === '1') return readCertificates(tools.paths);
  const certificates = await devCertificates(tools);
  if (certificates.problem !== undefined) {
    console.warn(
      `[mib] ${certificates.problem}\n[mib] serving with the generated certificates anyway; ` +
        `a browser must trust ${certificates.caPath} (import it as a certificate authority) to open https://localhost:3000 without a warning.`,
    );
  }
  return certificates.options;
}
