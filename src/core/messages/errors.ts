/**
 * Errors the core reports to a person. `field` names the rubric id, input id or file path that is
 * wrong; `message` is Chinese (what the user reads), `messageEn` the English twin.
 */
export class MibError extends Error {
  constructor(
    readonly code: MibErrorCode,
    readonly field: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'MibError';
  }
}

export type MibErrorCode =
  | 'unknown-rubric'
  | 'unknown-policy'
  | 'unknown-input'
  | 'invalid-input'
  | 'invalid-file'
  | 'invalid-argument'
  | 'not-applicable'
  | 'scale-mismatch'
  /** the same total, more bonus than the policy allows */
  | 'bonus-beyond-scale'
  | 'out-of-scale';

export interface Problem {
  /** input id, or zod path joined with "." for files */
  field: string;
  message: string;
  messageEn: string;
}
