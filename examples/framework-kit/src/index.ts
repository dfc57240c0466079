export { type RoundTrip, whatsappRoundTrip } from './round-trip.js';
export { type RunningExample, startExample } from './start-example.js';
export { describeExample, type ExampleCase } from './describe-example.js';
export {
  describeParserFirst,
  type ParserFirstCase,
  postSignedWhatsApp,
  quietGateway,
  type ServedApp,
} from './parser-first.js';
