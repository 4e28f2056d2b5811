// webpack loader for rubrics/*.json and rubrics/policies/*.json imported by the add-in: parses the file
// with its zod schema (options.validate, from scripts/build/shippedData.ts) and emits the parsed data.
module.exports = function shippedDataLoader(source) {
  const { validate } = this.getOptions();
  const data = JSON.parse(source);
  return `export default ${JSON.stringify(validate(this.resourcePath, data))};`;
};
