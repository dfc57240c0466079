import { packageBuild } from '../../tsup.shared.ts';

// whatsapp-cloud-api-types ships ESM only: bundle it, so that require('@loket/whatsapp') works in CommonJS apps.
export default packageBuild({ noExternal: ['whatsapp-cloud-api-types'] });
