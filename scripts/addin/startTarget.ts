/** What `npm start` (no argument), `npm run start:desktop` and `npm run start:web` ask for. */
export type StartTarget = { sideload: boolean } | { refused: string };

/**
 * `desktop` sideloads into desktop Excel and is refused at once (before anything is built) where there is
 * none, as on Linux; `web` never sideloads and prints how to upload the manifest to Excel on the web;
 * no argument sideloads where it can and prints the upload steps elsewhere.
 */
export function startTarget(args: string[], desktopExcel: boolean): StartTarget {
  const [target, ...rest] = args;
  if (rest.length > 0 || (target !== undefined && target !== 'desktop' && target !== 'web')) {
    return { refused: `npm start 只接受 desktop 或 web（npm run start:desktop、npm run start:web），收到：${args.join(' ')}` };
  }
  if (target === 'desktop' && !desktopExcel) {
    return {
      refused:
        '本机没有可旁加载的桌面版 Excel（Windows 或 macOS 上的 Excel），npm run start:desktop 无法使用。' +
        '请改用 npm run start:web：它启动开发服务器，并说明如何把 manifest.xml 上传到 Excel 网页版。',
    };
  }
  return { sideload: target !== 'web' && desktopExcel };
}
