import { afterAll, beforeAll, it } from 'vitest';
import { server, sim } from '../node';
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`http://localhost${path}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as any) };
};
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
it('probe', async () => {
  sim.reset('registered');
  console.log(JSON.stringify((await call('POST', '/api/servers/hci-node1/arc/disconnect', { forceLocalOnly: true })).body));
  await call('POST', '/api/sim/advance', { duration: '10m' });
  const u = await call('POST', '/api/clusters/hci-cluster01/unregister', {});
  await call('POST', '/api/sim/advance', { duration: '10m' });
  console.log('unreg', (await call('GET', `/api/jobs/${u.body.id}`)).body.message);
  await call('POST', '/api/sim/advance', { duration: '10m' });
  const v = (await call('GET', '/api/clusters/hci-cluster01')).body;
  console.log(JSON.stringify(v.nodes.map((n: any) => n.arc)));
  const j = await call('POST', '/api/clusters/hci-cluster01/registration', { subscriptionId: 'eef151e4-d95f-47a4-8ee8-31d8a70d4978', resourceGroup: 'hci-cluster01-rg', region: 'eastus', enableArc: true, arcResourceGroup: 'hci-cluster01-rg' });
  console.log(j.status, JSON.stringify(j.body).slice(0, 300));
  await call('POST', '/api/sim/advance', { duration: '10m' });
  const jj = (await call('GET', `/api/jobs/${j.body.id}`)).body;
  console.log(jj.status, jj.message);
  const d = (await call('POST', '/api/clusters/hci-cluster01/troubleshoot', { text: jj.message })).body;
  console.log(JSON.stringify(d).slice(0, 1500));
});
