import { readFileSync } from 'node:fs';
import type { Compiler } from 'webpack';
import { type FunctionsMetadata, localizeMetadata } from '../../src/functions/metadata/localize';
import { declaredSet, forRuntime } from '../../src/functions/metadata/runtime';
import { zhCNFunctions } from '../../src/functions/metadata/zh-CN';

const NAME = 'ZhFunctionsMetadataPlugin';

/** Takes the English functions.json that custom-functions-metadata-plugin writes, drops the flags the
 * CustomFunctionsRuntime the manifest declares does not have (src/functions/metadata/runtime.ts), and
 * emits the zh-CN metadata beside it; fails the build when the translations are out of step or the
 * manifest declares no CustomFunctionsRuntime. */
export class ZhFunctionsMetadataPlugin {
  constructor(private readonly options: { source: string; output: string; manifest: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.options.source);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${NAME}: ${this.options.source} was not generated`));
          return;
        }
        try {
          const runtime = declaredSet(readFileSync(this.options.manifest, 'utf8'), 'CustomFunctionsRuntime');
          if (runtime === null) throw new Error(`${this.options.manifest} declares no CustomFunctionsRuntime requirement set`);
          const english = forRuntime(JSON.parse(asset.source.source().toString()) as FunctionsMetadata, runtime);
          compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(english, null, 4)));
          const zh = localizeMetadata(english, zhCNFunctions);
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(zh, null, 4)));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${NAME}: ${(error as Error).message}`));
        }
      });
    });
  }
}
