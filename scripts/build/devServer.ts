import { DEV_URL } from './publicUrl';
import type { HttpsOptions } from './devCertificates';

/** The dev server's host: localhost only, so the add-in under development is not served to the network. */
export const DEV_HOST = 'localhost';

/** webpack-dev-server's options for `npm start` and `npm run dev-server`: https on DEV_URL's port. */
export function devServerOptions(https: HttpsOptions) {
  return {
    host: DEV_HOST,
    port: Number(new URL(DEV_URL).port),
    server: { type: 'https', options: https },
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    hot: false,
    client: { overlay: false },
  };
}
