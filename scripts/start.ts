// `npm start`: builds the add-in in development mode and serves it on https://localhost:3000 (the
// certificates of office-addin-dev-certs), in the background; sideloads it into desktop Excel where one
// exists (macOS, Windows); elsewhere prints how to upload manifest.xml to Excel on the web or to an
// intranet catalog. `npm stop` ends the server this started.
//   npm run start:desktop   the same, but refuses at once where there is no desktop Excel to sideload into
//   npm run start:web       the same, never sideloading: prints how to upload to Excel on the web
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CERTIFICATES_CHECKED, certificateNotice, type DevCertificates, devCertificates } from './build/devCertificates';
import { DEV_URL } from './build/publicUrl';
import { ROOT } from './build/runBuild';
import { type DevServerState, isDevServer, readState, STATE_DIR, writeState } from './addin/devServerState';
import { hasDesktopExcel, sideload, uploadInstructions } from './addin/sideload';
import { startTarget } from './addin/startTarget';

const MANIFEST = path.join(ROOT, 'manifest.xml');
const READY_TIMEOUT_MS = 180_000;

function pageResponds(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/** Whether something already listens on the dev server's port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: 'localhost' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function addinId(): string {
  return /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, 'utf8'))?.[1] ?? 'mib-addin';
}

async function main(): Promise<number> {
  const target = startTarget(process.argv.slice(2), hasDesktopExcel());
  if ('refused' in target) {
    console.error(target.refused);
    return 1;
  }
  const running = readState();
  if (running && isDevServer(running.pid)) {
    console.log(`开发服务器已在运行（进程 ${running.pid}）：${running.url}（停止：npm stop）`);
    return 0;
  }
  const port = Number(new URL(DEV_URL).port);
  if (await portTaken(port)) {
    console.error(`端口 ${port} 已被其他程序占用（不是 npm start 启动的开发服务器）。请先结束该程序，再运行 npm start。`);
    return 1;
  }
  // checked here, not only inside the server, so that a CA the system would not take is said in this
  // output rather than in the server's log alone
  let certificates: DevCertificates;
  try {
    certificates = await devCertificates();
  } catch (error) {
    console.error(`无法生成开发证书（office-addin-dev-certs）：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const notice = certificateNotice(certificates, DEV_URL);
  if (notice) console.warn(notice);

  const log = path.join(STATE_DIR, 'dev-server.log');
  writeState({ pid: 0, url: DEV_URL, log, startedAt: new Date().toISOString() }); // creates the folder
  const out = openSync(log, 'w');
  const webpack = createRequire(import.meta.url).resolve('webpack/bin/webpack.js');
  const server = spawn(process.execPath, [webpack, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    detached: true, // its own process group: `npm stop` ends the server and nothing else
    stdio: ['ignore', out, out],
    env: { ...process.env, [CERTIFICATES_CHECKED]: '1' },
  });
  server.unref();
  const state: DevServerState = { pid: server.pid ?? 0, url: DEV_URL, log, startedAt: new Date().toISOString() };
  writeState(state);
  console.log(`正在构建并启动开发服务器（进程 ${state.pid}，日志 ${path.relative(ROOT, log)}）……`);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });
  while (!(await pageResponds(`${DEV_URL}taskpane.html`))) {
    if (exited || Date.now() > deadline) {
      console.error(`开发服务器没有就绪${exited ? '（进程已退出）' : '（超时）'}，日志：\n${readFileSync(log, 'utf8').slice(-4000)}`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`MIB 考核助手已在 ${DEV_URL} 提供服务（停止：npm stop）。`);

  if (target.sideload) {
    const entry = sideload(MANIFEST, addinId());
    if (entry) {
      writeState({ ...state, sideload: entry });
      console.log(`已向桌面版 Excel 旁加载 ${path.relative(ROOT, MANIFEST)} 并打开 Excel：「开始」选项卡的「考核助手」按钮打开任务窗格。`);
      return 0;
    }
  }
  console.log(`\n${uploadInstructions(MANIFEST, DEV_URL, hasDesktopExcel())}`);
  return 0;
}

process.exitCode = await main();
