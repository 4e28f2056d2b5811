import { z } from 'zod';

/** The special cases `mib refund --case` takes (吉林 第十三–十五条). */
export const SpecialCaseSchema = z.enum(['requestedTerminationWithViolations', 'requestedTerminationClean', 'rescinded', 'underSixMonths']);
