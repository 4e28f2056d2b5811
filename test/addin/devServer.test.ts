// npm start / npm stop / npm run dev-server: what they do around the webpack dev server, without
// starting it (a stand-in process plays the server; certificates are stand-in files, nothing in ~/).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasExited, endServer } from '../../scripts/addin/endServer';
import { isDevServer } from '../../scripts/addin/devServerState';
import { startTarget } from '../../scripts/addin/startTarget';
import { certificateNotice, devCertificates } from '../../scripts/build/devCertificates';
import { DEV_HOST, devServerOptions } from '../../scripts/build/devServer';
import { DEV_URL } from '../../scripts/build/publicUrl';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mib-devserver-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Starts a stand-in server from `code`, detached (its own process group, as npm start starts the server);
 * resolves once it has printed "ready", i.e. its signal handlers are in place. */
function standIn(name: string, code: string): Promise<number> {
  const script = path.join(tmp, name);
  writeFileSync(script, `${code}\nprocess.stdout.write('ready');`);
  const child = spawn(process.execPath, [script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child.pid!));
    child.once('error', reject);
  });
}

describe('npm stop', () => {
  it('returns only once the server has exited, though it takes its time to shut down after SIGTERM', async () => {
    // named like the server (isDevServer looks for "webpack" in the command line); on SIGTERM it closes
    // a listening socket and exits only after a pause, as webpack-dev-server does
    const pid = await standIn(
      'webpack-stand-in.cjs',
      `const server = require('node:net').createServer().listen(0, '127.0.0.1');
       process.on('SIGTERM', () => setTimeout(() => server.close(() => process.exit(0)), 1500));
       setInterval(() => {}, 1000);`,
    );
    try {
      expect(isDevServer(pid)).toBe(true);
      await expect(endServer(pid)).resolves.toBe('terminated');
      expect(hasExited(pid)).toBe(true);
    } finally {
      if (!hasExited(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('ends a server that ignores SIGTERM with SIGKILL, and says so', async () => {
    const pid = await standIn('webpack-stubborn.cjs', `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);`);
    try {
      await expect(endServer(pid, 500)).resolves.toBe('killed');
      expect(hasExited(pid)).toBe(true);
    } finally {
      if (!hasExited(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('npm run start:desktop / start:web', () => {
  it('start:desktop is refused at once where there is no desktop Excel, pointing to start:web', () => {
    const refused = startTarget(['desktop'], false);
    expect(refused).toEqual({ refused: expect.stringContaining('npm run start:web') });
    expect(startTarget(['desktop'], true)).toEqual({ sideload: true });
  });

  it('start:web never sideloads; plain npm start sideloads where it can', () => {
    expect(startTarget(['web'], true)).toEqual({ sideload: false });
    expect(startTarget([], true)).toEqual({ sideload: true });
    expect(startTarget([], false)).toEqual({ sideload: false });
    expect(startTarget(['mobile'], true)).toEqual({ refused: expect.stringContaining('desktop 或 web') });
  });

  it.runIf(process.platform === 'linux')('on Linux, npm run start:desktop exits 1 with the reason and starts nothing', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', 'desktop'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('本机没有可旁加载的桌面版 Excel');
    expect(run.stdout).not.toContain('正在构建');
  });

  it('the package has the scripts a yo office developer reaches for', async () => {
    const { scripts } = (await import('../../package.json')).default as { scripts: Record<string, string> };
    expect(scripts).toMatchObject({
      watch: 'webpack --mode development --watch',
      'dev-server': 'webpack serve --mode development',
      'start:desktop': 'tsx scripts/start.ts desktop',
      'start:web': 'tsx scripts/start.ts web',
      lint: 'eslint --max-warnings 0 .',
      'format:check': 'prettier --check .',
    });
  });
});

describe('the dev server', () => {
  it('listens on localhost only, on the port of the manifest’s address', () => {
    const https = { ca: Buffer.from('ca'), cert: Buffer.from('cert'), key: Buffer.from('key') };
    const options = devServerOptions(https);
    expect(DEV_HOST).toBe('localhost');
    expect(options.host).toBe('localhost');
    expect(options.port).toBe(Number(new URL(DEV_URL).port));
    expect(options.server).toEqual({ type: 'https', options: https });
  });
});

describe('dev certificates', () => {
  const paths = {
    caCertificatePath: path.join(tmp, 'ca.crt'),
    localhostCertificatePath: path.join(tmp, 'localhost.crt'),
    localhostKeyPath: path.join(tmp, 'localhost.key'),
  };

  it('a CA the system store refuses is said in npm start’s words, naming the file to trust; the generated files are served', async () => {
    for (const file of Object.values(paths)) writeFileSync(file, path.basename(file));
    const failing = {
      paths,
      getHttpsServerOptions: () =>
        Promise.reject(new Error('Unable to install the CA certificate. Command failed: sudo cp\n/bin/sh: 1: sudo: not found')),
    };
    const certificates = await devCertificates(failing);
    expect(certificates.options.cert.toString()).toBe('localhost.crt');
    expect(certificates.problem).toBe('Unable to install the CA certificate. Command failed: sudo cp');
    const notice = certificateNotice(certificates, DEV_URL);
    expect(notice).toContain('未能安装为系统信任的证书（Unable to install the CA certificate. Command failed: sudo cp）');
    expect(notice).toContain(paths.caCertificatePath);
    expect(notice).toContain(DEV_URL);
  });

  it('installed certificates need no notice; no certificate files at all is an error', async () => {
    const https = { ca: Buffer.from('a'), cert: Buffer.from('b'), key: Buffer.from('c') };
    const fine = await devCertificates({ paths, getHttpsServerOptions: () => Promise.resolve(https) });
    expect(certificateNotice(fine, DEV_URL)).toBeNull();
    const none = { ...paths, caCertificatePath: path.join(tmp, 'missing.crt') };
    await expect(devCertificates({ paths: none, getHttpsServerOptions: () => Promise.reject(new Error('openssl failed')) })).rejects.toThrow(
      'openssl failed',
    );
  });
});
