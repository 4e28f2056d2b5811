import type { Compiler } from 'webpack';
import { type FunctionsMetadata, localizeMetadata } from '../../src/functions/metadata/localize';
import { zhCNFunctions } from '../../src/functions/metadata/zh-CN';

const NAME = 'ZhFunctionsMetadataPlugin';

/** Emits the zh-CN custom functions metadata beside the English functions.json that
 * custom-functions-metadata-plugin writes; fails the build when the translations are out of step. */
export class ZhFunctionsMetadataPlugin {
  constructor(private readonly options: { source: string; output: string }) {}

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
          const english = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
          const zh = localizeMetadata(english, zhCNFunctions);
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(zh, null, 4)));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${NAME}: ${(error as Error).message}`));
        }
      });
    });
  }
}
