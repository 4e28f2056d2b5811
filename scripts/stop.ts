// `npm stop`: ends the dev server `npm start` started (by its recorded process id, with its process
// group) and undoes the desktop sideload it registered. Nothing else is touched.
import { spawnSync } from 'node:child_process';
import { clearState, isDevServer, readState } from './addin/devServerState';
import { unsideload } from './addin/sideload';

const state = readState();
if (!state || state.pid === 0) {
  console.log('没有由 npm start 启动的开发服务器。');
} else {
  if (isDevServer(state.pid)) {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(state.pid), '/T', '/F'], { stdio: 'ignore' });
    else {
      try {
        process.kill(-state.pid, 'SIGTERM'); // the server's own process group (started detached)
      } catch {
        process.kill(state.pid, 'SIGTERM');
      }
    }
    console.log(`已停止开发服务器（进程 ${state.pid}）。`);
  } else {
    console.log(`开发服务器（进程 ${state.pid}）已不在运行；未结束任何进程。`);
  }
  if (state.sideload) {
    unsideload(state.sideload);
    console.log('已撤销桌面版 Excel 的旁加载。');
  }
}
clearState();
