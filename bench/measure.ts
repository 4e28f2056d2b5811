// What the roster sections print beside each stage: wall time, CPU time (steadier when other work shares
// the machine), the process's peak RSS and the load average.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The process's largest resident set so far (the kernel's high-water mark, not a sample): VmHWM of
 * /proc/self/status (proc_pid_status(5)), which belongs to this program's own memory. Not getrusage's
 * ru_maxrss (process.resourceUsage().maxRSS): Linux keeps it across execve (getrusage(2): "resource usages
 * are preserved across execve"), and libuv starts a child by fork, so a child of a process holding 600 MB
 * reported 614 MB for `node -e 0` (41 MB beside a small one), and the bench's own memory showed in its
 * children's figures. The same read is in usageAtExit.cjs, which runs without TypeScript. */
export function peakRss(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux: the other measure, as good where a child is not forked from a large process
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs `stage`, prints its wall and CPU milliseconds and the peak RSS so far, returns what it gave. */
export async function timed<T>(label: string, stage: () => T | Promise<T>): Promise<T> {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const out = await stage();
  const used = process.cpuUsage(cpu);
  console.log(
    `${label}: ${(performance.now() - wall).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms), peak RSS ${mb(peakRss())}, load ${loadavg()[0]!.toFixed(1)}`,
  );
  return out;
}
