// Preloaded (`node -r`) into a process the bench times from outside: at exit it appends the process's own
// CPU time and peak RSS as one JSON line to the file named by MIB_BENCH_USAGE.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: usage.maxRSS * 1024 };
  appendFileSync(process.env.MIB_BENCH_USAGE, `${JSON.stringify(line)}\n`);
});
