import { browserRuns } from './browser-runs';
import { startPreview } from './serve';
const s = await startPreview(process.cwd(), 4180);
try {
  const r = await browserRuns({ baseUrl: s.url, runs: 2, perKind: 5, loadTimeoutMs: 60000, interactionTimeoutMs: 10000, log: console.log });
  console.log(JSON.stringify(r.map(x=>x.interactions)));
} finally { s.stop(); }
