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

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: usage.maxRSS * 1024, mainCpuMs: mainThreadCpuMs() };
  appendFileSync(process.env.MIB_BENCH_USAGE, `${JSON.stringify(line)}\n`);
});
