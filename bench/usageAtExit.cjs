// Preloaded (`node -r`) into a process the bench times from outside: at exit it appends the process's own
// CPU time and peak RSS as one JSON line to the file named by MIB_BENCH_USAGE.
const { appendFileSync, readFileSync } = require('node:fs');

/** The main thread's own CPU time (Linux: its task's utime + stime, in clock ticks of 10 ms), apart from
 * worker threads, GC and libuv threads; undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The process's peak resident set: VmHWM of /proc/self/status, as measure.ts's peakRss reads it and for
 * its reason (getrusage's maxRSS keeps the bench's own memory, forked into the child, across execve). */
function peakRss() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: peakRss(), mainCpuMs: mainThreadCpuMs() };
  appendFileSync(process.env.MIB_BENCH_USAGE, `${JSON.stringify(line)}\n`);
});
