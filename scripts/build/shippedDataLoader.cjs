// webpack loader for rubrics/*.json and rubrics/policies/*.json imported by the add-in: parses the file
// with its zod schema (options.shippedModuleData, from scripts/build/shippedData.ts) and emits the parsed
// data; with options.lean (the functions bundle) a rubric comes without its long verbatim columns.
module.exports = function shippedDataLoader(source) {
  const { shippedModuleData, lean } = this.getOptions();
  const data = JSON.parse(source);
  return `export default ${JSON.stringify(shippedModuleData(this.resourcePath, data, Boolean(lean)))};`;
};
