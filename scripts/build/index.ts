// What webpack.config.js loads (through tsx) from the TypeScript side of the build.
export { DEV_URL, publicUrlFrom, rewriteManifest } from './publicUrl';
export { OFFICE_JS_DIR, OFFICE_JS_FILES, officeJsCopyPatterns } from './officeJs';
export { ZhFunctionsMetadataPlugin } from './zhFunctionsMetadataPlugin';
export { devHttpsOptions } from './devCertificates';
export { devServerOptions } from './devServer';
export { shippedModuleData } from './shippedData';
export { frameHtml, withFrame } from './frame';
