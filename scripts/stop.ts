// `npm stop`: ends the dev server `npm start` started (by its recorded process id, with its process
// group), waits until it has exited, and undoes the desktop sideload it registered. Nothing else is touched.
import { clearState, isDevServer, readState } from './addin/devServerState';
import { endServer } from './addin/endServer';
import { unsideload } from './addin/sideload';

async function main(): Promise<number> {
  const state = readState();
  if (!state || state.pid === 0) {
    console.log('没有由 npm start 启动的开发服务器。');
    clearState();
    return 0;
  }
  if (isDevServer(state.pid)) {
    const ended = await endServer(state.pid);
    if (ended === 'running') {
      console.error(`开发服务器（进程 ${state.pid}）未能结束，请手动结束该进程。`);
      return 1; // the state stays, so a later npm stop tries again
    }
    console.log(`已停止开发服务器（进程 ${state.pid}${ended === 'killed' ? '，已强制结束' : ''}）。`);
  } else {
    console.log(`开发服务器（进程 ${state.pid}）已不在运行；未结束任何进程。`);
  }
  if (state.sideload) {
    unsideload(state.sideload);
    console.log('已撤销桌面版 Excel 的旁加载。');
  }
  clearState();
  return 0;
}

process.exitCode = await main();
