// Copies the screenshots the tests take (test/pane/pane.test.ts at 350 px, test/sheet/printTemplate.test.ts's
// first printed page) into docs/images/, where the README's quick start shows them. Run after `npm test`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const shots: Record<string, string> = {
  'test-output/pane/350-新建考核表.png': 'docs/images/quickstart-create.png',
  'test-output/pane/350-填报.png': 'docs/images/quickstart-inputs.png',
  'test-output/pane/350-检查.png': 'docs/images/quickstart-check.png',
  'test-output/pane/350-说明.png': 'docs/images/quickstart-explain.png',
  'test-output/print/cq-jiangbei-2025-hospital-page1.png': 'docs/images/quickstart-print.png',
};

mkdirSync('docs/images', { recursive: true });
const missing = Object.keys(shots).filter((from) => !existsSync(from));
if (missing.length > 0) {
  console.error(`缺少截图（先运行 npm test）：${missing.join('、')}`);
  process.exit(1);
}
for (const [from, to] of Object.entries(shots)) copyFileSync(from, to);
console.log(`已复制 ${Object.keys(shots).length} 张截图到 docs/images/`);
