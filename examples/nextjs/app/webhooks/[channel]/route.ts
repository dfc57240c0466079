// The App Router route for every channel's webhook: GET (the platform's handshake) and POST (signed events) go to
// gateway.fetch untouched. Do not call request.json() first: Loket verifies the signature over the raw bytes.
import { getGateway } from '../../../lib/loket';

export const runtime = 'nodejs'; // the inbox worker and the store need Node, not the Edge runtime
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return getGateway().fetch(request);
}

export function POST(request: Request): Promise<Response> {
  return getGateway().fetch(request);
}
