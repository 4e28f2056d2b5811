// A whole Node process as the bench times it from outside: wall time measured here, CPU time and peak RSS
// reported by the process itself at exit (bench/usageAtExit.cjs, preloaded), so that they are the
// command's own and not the bench's.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');
const PRELOAD = join(import.meta.dirname, 'usageAtExit.cjs');

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  cpuMs: number;
  /** the main thread's share of cpuMs, where the system says (Linux) */
  mainCpuMs?: number;
  maxRss: number;
}

/** `node <args>` in the project's folder (`bin/mib.js …` for a command as a user runs it). With `stdoutFile`,
 * its standard output goes to that file (a roster's --json is larger than a string the bench could hold),
 * and `stdout` is empty. */
export function nodeProcess(args: string[], env: Record<string, string> = {}, stdoutFile?: string): ChildRun {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bench-usage-'));
  const outFd = stdoutFile === undefined ? undefined : openSync(stdoutFile, 'w');
  try {
    const usage = join(dir, 'usage.jsonl');
    const start = performance.now();
    const child = spawnSync(process.execPath, ['-r', PRELOAD, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...env, MIB_BENCH_USAGE: usage },
      ...(outFd !== undefined && { stdio: ['ignore', outFd, 'pipe'] }),
    });
    const wallMs = performance.now() - start;
    const { cpuMs, maxRss, mainCpuMs } = JSON.parse(readFileSync(usage, 'utf8').trim().split('\n').at(-1)!) as {
      cpuMs: number;
      maxRss: number;
      mainCpuMs?: number;
    };
    return {
      code: child.status,
      stdout: child.stdout ?? '',
      stderr: child.stderr,
      wallMs,
      cpuMs,
      maxRss,
      ...(mainCpuMs !== undefined && { mainCpuMs }),
    };
  } finally {
    if (outFd !== undefined) closeSync(outFd);
    rmSync(dir, { recursive: true, force: true });
  }
}
