/**
 * Credentials at rest: AES-256-GCM with the operator's key (KEEPWARM_SECRET_KEY,
 * 32 random bytes as base64 or hex — `openssl rand -base64 32`). A stored
 * secret is `v1.<key id>.<base64 of iv ‖ tag ‖ ciphertext>`; the key id (the
 * first bytes of the key's SHA-256) tells a changed key from damaged data,
 * and the owner's user id is bound in as associated data, so a secret copied
 * into another user's row does not open. Plain text never leaves this module
 * except to the code that connects with it, and never reaches a log.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key could be read from the environment; see `parseSecretKey`. */
export interface SecretBox {
  readonly keyId: string;
  seal(userId: number, plain: string): string;
  /** Throws SecretUnreadable when the key changed or the data is damaged. */
  open(userId: number, sealed: string): string;
}

/** No KEEPWARM_SECRET_KEY is set: credentials cannot be stored. The operator must set one. */
export class NoSecretKeyError extends Error {
  override readonly name = 'NoSecretKeyError';
  constructor() {
    super('credentials can only be stored when the operator sets KEEPWARM_SECRET_KEY');
  }
}

/** A stored secret does not open with the current key (the key changed, or the row was damaged). */
export class SecretUnreadable extends Error {
  override readonly name = 'SecretUnreadable';
  constructor(readonly reason: 'other_key' | 'damaged') {
    super(reason === 'other_key' ? 'the secret was sealed with another KEEPWARM_SECRET_KEY' : 'the stored secret is damaged');
  }
}

/** 32 bytes from base64 (44 characters) or hex (64 characters); undefined for anything else. */
export function parseSecretKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  return undefined;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError('KEEPWARM_SECRET_KEY must be 32 bytes');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const aad = (userId: number) => Buffer.from(`keepwarm:source:${userId}`);
  return {
    keyId,
    seal(userId, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(userId));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(userId, sealed) {
      const [version, id, data] = sealed.split('.');
      if (version !== VERSION || !data) throw new SecretUnreadable('damaged');
      if (id !== keyId) throw new SecretUnreadable('other_key');
      const bytes = Buffer.from(data, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadable('damaged');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(aad(userId));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('damaged');
      }
    },
  };
}
