// Builds the add-in into dist/: one shared-runtime page (taskpane.html) that loads office.js from the
// add-in's own origin, the task pane (taskpane.js; its frame prerendered in the page) and the custom
// functions (functions.js + functions.json + functions.zh-CN.json), the icons and the manifest.
//
//   npm run build        production; MIB_PUBLIC_URL=https://host/path/ puts that address in dist/manifest.xml
//   npm run build:dev    development, manifest on https://localhost:3000/
//   npm run watch        development build into dist/, rebuilt on every change
//   npm run dev-server   development build served on https://localhost:3000 in the foreground (Ctrl+C ends it)
//   npm start            the same server in the background, then sideload or upload instructions (npm stop)
//
// The TypeScript helpers in scripts/build are loaded through tsx, so plain `npx webpack` works too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(fileURLToPath(import.meta.url));
const FUNCTIONS_SOURCE = path.join(root, 'src', 'functions', 'functions.ts');
const SHIPPED_LOADER = path.join(root, 'scripts', 'build', 'shippedDataLoader.cjs');

export default async function config(env, argv) {
  const {
    DEV_URL,
    ZhFunctionsMetadataPlugin,
    devHttpsOptions,
    devServerOptions,
    frameHtml,
    officeJsCopyPatterns,
    publicUrlFrom,
    rewriteManifest,
    shippedModuleData,
    withFrame,
  } = await tsImport('./scripts/build/index.ts', import.meta.url);
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const publicUrl = dev ? { url: DEV_URL, fromEnvironment: false } : publicUrlFrom(process.env.MIB_PUBLIC_URL);
  // production: the pane's frame prerendered into taskpane.html, painted before taskpane.js has run
  // (scripts/build/prerenderFrame.tsx); development keeps the template's one line
  const paneTemplate = './src/taskpane/taskpane.html';
  const paneHtml = dev
    ? { template: paneTemplate }
    : { templateContent: withFrame(readFileSync(path.join(root, paneTemplate), 'utf8'), frameHtml()) };
  if (!dev && !publicUrl.fromEnvironment) {
    console.warn(`[mib] MIB_PUBLIC_URL is not set: dist/manifest.xml keeps ${DEV_URL} (set it to the https address dist/ is served from).`);
  }

  return {
    mode: dev ? 'development' : 'production',
    context: root,
    devtool: dev ? 'source-map' : false,
    // functions.js is built in its own layer, so the rubric files it imports can be given lean (below)
    experiments: { layers: true },
    entry: {
      functions: { import: FUNCTIONS_SOURCE, layer: 'functions' },
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].js',
      // the pane's parts loaded on demand (the 汇总 tab, its charts): roster.js, charts.js, beside taskpane.html
      chunkFilename: '[name].js',
      publicPath: '',
      clean: true,
    },
    // one file per part loaded on demand, its libraries inside it (no numbered vendor chunks)
    optimization: { splitChunks: { cacheGroups: { default: false, defaultVendors: false } } },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          // the bundled rubrics and policies, parsed by their zod schemas now (a bad file stops the build)
          test: /[\\/]rubrics[\\/](policies[\\/])?[a-z0-9-]+\.json$/,
          type: 'javascript/auto',
          oneOf: [
            // functions.js gets each rubric without the verbatim columns only the sheet and the pane show
            { issuerLayer: 'functions', use: [{ loader: SHIPPED_LOADER, options: { shippedModuleData, lean: true } }] },
            { use: [{ loader: SHIPPED_LOADER, options: { shippedModuleData, lean: false } }] },
          ],
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // types are checked by `npm run typecheck`; the bundle only needs the JavaScript
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false }, // sizes are reported by `npm run bench`, against the 60 KB budget
    plugins: [
      // ...so at run time the add-in takes them as they are, and carries no rubric schema (src/core/files/shipped.ts)
      new webpack.NormalModuleReplacementPlugin(/^\.\/shipped$/, (resource) => {
        if (resource.context.endsWith(path.join('src', 'core', 'files'))) resource.request = './shipped.prevalidated';
      }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new ZhFunctionsMetadataPlugin({ source: 'functions.json', output: 'functions.zh-CN.json', manifest: path.join(root, 'manifest.xml') }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        ...paneHtml,
        // one page for both: the shared runtime runs the custom functions and the pane together. functions.js
        // is injected here (deferred); taskpane.js is loaded by the page itself once the frame is painted
        // (src/taskpane/taskpane.html)
        chunks: ['functions'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), publicUrl.url)),
          },
          ...officeJsCopyPatterns(),
        ],
      }),
    ],
    // https on localhost:3000, reachable from this machine only (scripts/build/devServer.ts)
    devServer: serving ? devServerOptions(await devHttpsOptions()) : undefined,
  };
}
