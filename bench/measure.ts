// What the roster sections print beside each stage: wall time, CPU time (steadier when other work shares
// the machine), the process's peak RSS and the load average.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The process's largest resident set so far (the kernel's high-water mark, not a sample). */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;

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
