import { zhCNFunctions } from '../functions/metadata/zh-CN';

export interface FunctionEntry {
  signature: string;
  description: string;
}

/** The custom functions as the pane lists them, in Chinese, from the same data as the zh-CN metadata. */
export function functionList(): FunctionEntry[] {
  return Object.entries(zhCNFunctions).map(([id, fn]) => ({
    signature: `MIB.${id}(${Object.values(fn.parameters)
      .map((p) => p.name)
      .join(', ')})`,
    description: fn.description,
  }));
}
