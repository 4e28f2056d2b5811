import { SingleBar } from 'cli-progress';

/** A long command's progress, drawn on stderr while stderr is a terminal (never into a pipe or a file). */
export interface Progress {
  /** `done` more of the total finished */
  tick(done?: number): void;
  /** the bar removed, the line left clean for what the command prints next */
  stop(): void;
}

/** What an Io offers long commands: a bar where one can be seen, else nothing (tests, pipes). `percent`:
 * the share done alone, where the counts mean nothing to a clerk (the bytes of a sheet read). */
export type ProgressBar = (label: string, total: number, options?: { percent?: boolean }) => Promise<Progress | undefined>;

/**
 * A bar on stderr (cli-progress): what is being done, how far, and the time left as it estimates it,
 * e.g. “收集报送表 ████░░░░ 212/500 42% 约 9 秒”. Cleared when it stops, so that the command's own lines stand
 * alone in the terminal's history.
 */
export function terminalBar(label: string, total: number, options: { percent?: boolean } = {}): Progress {
  const bar = new SingleBar({
    format: `${label} {bar} ${options.percent ? '' : '{value}/{total} '}{percentage}% 约 {eta} 秒`,
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
    barsize: 24,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return {
    tick: (done = 1) => bar.increment(done),
    stop: () => bar.stop(),
  };
}
