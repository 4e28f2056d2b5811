import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAlive } from './devServerState';

const POLL_MS = 100;

/** Whether the process has ended: gone, or (Linux) a zombie waiting for its parent to collect it. */
export function hasExited(pid: number): boolean {
  if (!isAlive(pid)) return true;
  if (process.platform !== 'linux') return false;
  try {
    // /proc/<pid>/stat: "pid (name) state …"; the name may hold spaces and parentheses
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name); // the server's own process group (npm start starts it detached)
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

async function exitedWithin(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += POLL_MS) {
    if (hasExited(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return hasExited(pid);
}

/**
 * Ends the dev server and returns once it has exited (so its port is free for the next `npm start`):
 * SIGTERM to its process group, then, if it is still there after `graceMs`, SIGKILL. On Windows,
 * taskkill ends the process tree. Returns how it ended, or 'running' if even SIGKILL did not end it.
 */
export async function endServer(pid: number, graceMs = 10_000): Promise<'terminated' | 'killed' | 'running'> {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return (await exitedWithin(pid, graceMs)) ? 'killed' : 'running';
  }
  signal(pid, 'SIGTERM');
  if (await exitedWithin(pid, graceMs)) return 'terminated';
  signal(pid, 'SIGKILL');
  return (await exitedWithin(pid, 5_000)) ? 'killed' : 'running';
}
