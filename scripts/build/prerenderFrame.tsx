// The pane's frame (title, 更多, the tab list) rendered at build time into taskpane.html,
// with the CSS its Fluent UI components make (issue 21 deliver 6: first render under 500 ms). The page
// paints it as soon as the HTML is parsed, before taskpane.js (some 580 KB) has been parsed and has run;
// index.tsx then renders the same frame over it with React (createRoot replaces the markup, so nothing
// depends on the two matching; the styles stay in <head> and Griffel reuses them rather than inserting
// each rule again). It is what the frame shows before anything is known: zh-CN, nothing loaded yet, and
// no demo notice (the same page opens in Excel, where "未连接 Excel" would be false; outside Excel React
// adds the notice as it renders).
//
// Run in a child process of its own (frameHtml in frame.ts), with React's production build: the render
// loads the pane's modules through tsx, and React.lazy starts loading the views, which the child ends.
import { pathToFileURL } from 'node:url';
import { createDOMRenderer, RendererProvider, renderToStyleElements, SSRProvider } from '@fluentui/react-components';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { App } from '../../src/taskpane/App';
import type { Session } from '../../src/taskpane/session';
import type { PrerenderedFrame } from './frame';

export function prerenderFrame(): PrerenderedFrame {
  const renderer = createDOMRenderer(undefined);
  // the session and the views never come at build time: their places render their fallbacks
  const never = new Promise<Session>(() => undefined);
  const body = renderToString(
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <App session={never} locale="zh-CN" />
      </SSRProvider>
    </RendererProvider>,
  );
  const head = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { head, body };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(prerenderFrame()), () => process.exit(0));
}
