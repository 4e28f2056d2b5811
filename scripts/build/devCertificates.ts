import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface DevCerts {
  getHttpsServerOptions(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
}

interface DevCertPaths {
  caCertificatePath: string;
  localhostCertificatePath: string;
  localhostKeyPath: string;
}

/**
 * The dev server's https options from office-addin-dev-certs. Where the certificates are generated but the
 * CA cannot be added to the system store (Debian as root: "sudo: not found"), getHttpsServerOptions
 * throws although the files exist; the server then uses them anyway and says that the browser has to
 * trust ~/.office-addin-dev-certs/ca.crt itself.
 */
export async function devHttpsOptions(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }> {
  const require = createRequire(import.meta.url);
  const certs = require('office-addin-dev-certs') as DevCerts;
  try {
    return await certs.getHttpsServerOptions();
  } catch (error) {
    const paths = require('office-addin-dev-certs/lib/defaults') as DevCertPaths;
    const files = [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath];
    if (!files.every((file) => existsSync(file))) throw error;
    console.warn(
      `[mib] ${(error as Error).message.split('\n')[0]}\n[mib] serving with the generated certificates anyway; ` +
        `a browser must trust ${paths.caCertificatePath} (import it as a certificate authority) to open https://localhost:3000 without a warning.`,
    );
    return {
      ca: readFileSync(paths.caCertificatePath),
      cert: readFileSync(paths.localhostCertificatePath),
      key: readFileSync(paths.localhostKeyPath),
    };
  }
}
