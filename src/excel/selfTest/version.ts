/** The add-in's version as the self-test report gives it (package.json's, checked by test/excel/selfTest.test.ts). */
export const ADDIN_VERSION = '0.1.0';
