// Bundled by esbuild into the page of test/pane/selfTestStrict.test.ts: 自检 on the strict fake, in Chromium.
import { selfTestOnStrictFake } from '../support/strictSelfTest';

(window as unknown as { selfTestOnStrictFake: () => Promise<unknown> }).selfTestOnStrictFake = async () => {
  const { report, left } = await selfTestOnStrictFake();
  return { steps: report.steps, left, userAgent: navigator.userAgent };
};
