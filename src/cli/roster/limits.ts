/**
 * How much a roster file may hold. An agency has hundreds to a few thousand institutions; 100,000 rows
 * leaves room for every one of them ten times over, and a file past that is almost surely the wrong
 * file (a claims export, not a roster). The byte limit refuses such a file before it is decoded.
 */
export const ROSTER_MAX_ROWS = 100_000;
export const ROSTER_MAX_BYTES = 64 * 1024 * 1024;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
