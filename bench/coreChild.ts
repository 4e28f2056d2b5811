// A fresh process's measure of the core for bench/rosterScale.ts: the CPU milliseconds of evaluate + assess
// of `count` 威海 二级 institutions, after a warm-up or (`cold`) from the first (coreRosterCpuMs), printed as
// one number. In the bench's own process the figure depends on what ran before (V8's code for the rules, the
// heap), as a roster's does not.
import { coreRosterCpuMs } from './core';

console.log(coreRosterCpuMs(Number(process.argv[2] ?? 10_000), process.argv[3] !== 'cold'));
