import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/runBuild';

/** What `npm start` started, so that `npm stop` ends exactly that and nothing else. */
export interface DevServerState {
  pid: number;
  url: string;
  log: string;
  startedAt: string;
  /** the desktop sideload `npm start` registered, undone by `npm stop` */
  sideload?: { platform: 'darwin' | 'win32'; target: string };
}

export const STATE_DIR = path.join(ROOT, 'node_modules', '.cache', 'mib-addin');
const STATE_FILE = path.join(STATE_DIR, 'dev-server.json');

export function readState(): DevServerState | null {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DevServerState;
  } catch {
    return null;
  }
}

export function writeState(state: DevServerState): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState(): void {
  rmSync(STATE_FILE, { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process with this id is still the dev server (a recorded id may have been reused by an
 * unrelated process after a reboot or a crash). webpack-cli renames its process to "webpack", so that
 * is what its command line shows. */
export function isDevServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  if (process.platform === 'win32') return true; // taskkill by the recorded id; no cheap command-line check
  try {
    const command =
      process.platform === 'linux'
        ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
        : execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return command.includes('webpack');
  } catch {
    return false;
  }
}
