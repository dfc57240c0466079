import { randomBytes, randomInt } from 'node:crypto';

/** A WhatsApp message id in the platform's form (`wamid.` and an opaque base64 string). */
export function newWamid(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64url')}`;
}

/** A numeric Graph object id (media ids and the like), 16 digits. */
export function newNumericId(): string {
  return `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;
}
