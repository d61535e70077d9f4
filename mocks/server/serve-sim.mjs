// `npm run serve:sim [-- --port=4010 --scenario=registered]`: the simulated ARM and /api on
// http://127.0.0.1:PORT. Node 20 runs no TypeScript by itself, so Vite's SSR loader (already a
// dependency) compiles mocks/server/http-server.ts on the fly.
import { createServer } from 'vite';

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const vite = await createServer({
  configFile: false,
  root: new URL('../..', import.meta.url).pathname,
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  logLevel: 'error',
  optimizeDeps: { noDiscovery: true, entries: [] },
});
const { startSimServer } = await vite.ssrLoadModule('/mocks/server/http-server.ts');
const { origin } = await startSimServer({
  port: Number(arg('port', '4010')),
  scenario: arg('scenario', 'fresh'),
});
console.log(`Simulated ARM and /api on ${origin} (ARM paths at the root, the gateway API under /api/).`);
console.log(
  `Caller: Authorization: Bearer sim.<base64url(upn)>, e.g. sim.${Buffer.from('admin@contoso.onmicrosoft.com').toString('base64url')}`,
);
