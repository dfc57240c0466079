// Prelude `graph-capture`: a local server that answers as the Send API would, its address in GRAPH_API_URL.
import { startCaptureServer as graphPreludeCapture } from '@loket/testing/kit';

const graphPreludeServer = await graphPreludeCapture({
  status: 200,
  body: { recipient_id: 'PSID', message_id: 'm_1' },
});
process.env.GRAPH_API_URL = graphPreludeServer.url;
