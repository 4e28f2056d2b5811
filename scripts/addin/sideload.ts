import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Desktop Excel's developer sideload: a folder on macOS, a registry value on Windows. Elsewhere (Linux)
 * there is no desktop Excel and the manifest is uploaded by hand (`uploadInstructions`). */
const MAC_EXCEL = '/Applications/Microsoft Excel.app';
const MAC_WEF = path.join(os.homedir(), 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
const WIN_DEVELOPER_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';

export function hasDesktopExcel(): boolean {
  if (process.platform === 'darwin') return existsSync(MAC_EXCEL);
  if (process.platform === 'win32') {
    const query = spawnSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe'], { stdio: 'ignore' });
    return query.status === 0;
  }
  return false;
}

/** Registers the manifest with desktop Excel and opens Excel; returns what to undo on `npm stop`. */
export function sideload(manifest: string, addinId: string): { platform: 'darwin' | 'win32'; target: string } | null {
  if (process.platform === 'darwin') {
    mkdirSync(MAC_WEF, { recursive: true });
    const target = path.join(MAC_WEF, `${addinId}.manifest.xml`);
    copyFileSync(manifest, target);
    spawnSync('open', ['-a', 'Microsoft Excel'], { stdio: 'ignore' });
    return { platform: 'darwin', target };
  }
  if (process.platform === 'win32') {
    const added = spawnSync('reg', ['add', WIN_DEVELOPER_KEY, '/v', addinId, '/t', 'REG_SZ', '/d', manifest, '/f'], { stdio: 'ignore' });
    if (added.status !== 0) return null;
    spawnSync('cmd', ['/c', 'start', '', 'excel'], { stdio: 'ignore' });
    return { platform: 'win32', target: addinId };
  }
  return null;
}

export function unsideload(entry: { platform: 'darwin' | 'win32'; target: string }): void {
  if (entry.platform === 'darwin') rmSync(entry.target, { force: true });
  else spawnSync('reg', ['delete', WIN_DEVELOPER_KEY, '/v', entry.target, '/f'], { stdio: 'ignore' });
}

/** How to load the add-in where no desktop Excel can be sideloaded: Excel on the web, or an agency's
 * intranet catalog. Printed by `npm start`. */
export function uploadInstructions(manifest: string, url: string, desktopExcel = false): string {
  const lead = desktopExcel ? '未旁加载到桌面版 Excel（npm run start:web）。' : '本机没有可自动旁加载的桌面版 Excel。';
  return `${lead}请任选一种方式加载 MIB 考核助手：

一、Excel 网页版（开发调试）
  1. 先在本机浏览器打开 ${url}taskpane.html，确认浏览器信任开发证书
     （不信任时把 ~/.office-addin-dev-certs/ca.crt 导入浏览器的“证书颁发机构”）。
  2. 在同一浏览器中打开 Excel 网页版，新建或打开一个工作簿。
  3. 「开始」→「加载项」→「更多加载项」→「我的加载项」→「上传我的加载项」
     （Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in；
      新界面为「开始」→「加载项」→「高级」→「上传我的加载项」）。
  4. 「浏览」选择 ${manifest} →「上传」。
  5. 「开始」选项卡出现「考核助手」按钮；在单元格中输入 =MIB.SCORE( 即可使用函数。

二、单位内网（不访问外网）
  1. MIB_PUBLIC_URL=https://<内网服务器>/<路径>/ npm run build
  2. 把 dist/ 的全部文件放到该 https 地址下（office.js 随加载项一起提供，不访问任何 CDN）。
  3. 用 dist/manifest.xml 部署，任选其一：
     - Microsoft 365 管理中心 →「设置」→「集成应用」→「上传自定义应用」→ 选择 dist/manifest.xml；
     - 共享文件夹目录（Windows 桌面版 Excel）：把 dist/manifest.xml 放进共享文件夹（如 \\\\server\\mib），
       Excel「文件」→「选项」→「信任中心」→「信任中心设置」→「受信任的加载项目录」，
       「目录 URL」填 \\\\server\\mib →「添加目录」→ 勾选「显示在菜单中」→「确定」，重启 Excel 后
       「插入」→「我的加载项」→「共享文件夹」→ 选择 MIB 考核助手。`;
}
