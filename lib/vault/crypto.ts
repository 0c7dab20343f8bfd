/**
 * The vault's cryptography, on WebCrypto alone: a key derived from the passphrase with
 * PBKDF2-HMAC-SHA-256, and AES-GCM-256 with a fresh random 96-bit IV for every sealed value.
 * Nothing here touches storage; lib/vault/vault.ts decides what is sealed and when.
 */

/**
 * OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Stored beside the salt, so a later version can
 * raise it for new vaults and backups and still open older ones; never accepted lower.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** The most iterations a vault or backup file may ask for: more would hang the browser. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
/** 96 bits, the IV length AES-GCM is specified for. */
export const IV_BYTES = 12;
const KEY_BITS = 256;
/** Sealed JSON is padded to a multiple of this, so a record's size says little about a name's length. */
const PAD_TO = 64;

export type Bytes = Uint8Array<ArrayBuffer>;

/** A value sealed with AES-GCM: the IV it was sealed with and the ciphertext with its tag. */
export interface Sealed {
  iv: Bytes;
  data: Bytes;
}

/** The key or the data did not fit: a wrong passphrase, or a record or file that was changed. */
export class UnsealError extends Error {
  constructor() {
    super('Could not decrypt: wrong passphrase or damaged data');
    this.name = 'UnsealError';
  }
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The raw 256-bit key for a passphrase. The passphrase is NFC-normalised first, so the same words
 * typed on another keyboard or system (composed or decomposed accents) give the same key.
 */
export async function deriveKeyBytes(passphrase: string, salt: Bytes, iterations: number): Promise<Bytes> {
  if (!Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new Error(`Refusing a key derivation with ${iterations} iterations`);
  }
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, KEY_BITS);
  return new Uint8Array(bits);
}

/** An AES-GCM key for sealing and opening. Not extractable: only the raw bytes it came from are. */
export function importAesKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: KEY_BITS }, false, ['encrypt', 'decrypt']);
}

export async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<{ raw: Bytes; key: CryptoKey }> {
  const raw = await deriveKeyBytes(passphrase, salt, iterations);
  return { raw, key: await importAesKey(raw) };
}

/**
 * Seals a JSON value. `purpose` is authenticated with it (AES-GCM's additional data), so a sealed
 * value moved into another kind of record, say a "not them" decision into a client row, fails to
 * open rather than being read as something else.
 */
export async function seal(key: CryptoKey, purpose: string, value: unknown): Promise<Sealed> {
  const json = JSON.stringify(value);
  const padded = json + ' '.repeat((PAD_TO - (utf8Length(json) % PAD_TO)) % PAD_TO);
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(purpose) },
    key,
    new TextEncoder().encode(padded),
  );
  return { iv, data: new Uint8Array(data) };
}

/** Opens a sealed value; throws UnsealError when the key is wrong or a byte was changed. */
export async function unseal(key: CryptoKey, purpose: string, sealed: Sealed): Promise<unknown> {
  if (!isSealed(sealed)) throw new UnsealError();
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(purpose) },
      key,
      sealed.data,
    );
  } catch {
    throw new UnsealError();
  }
  // Authenticated, so this is JSON we wrote; trailing spaces are the padding.
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const { iv, data } = value as Record<string, unknown>;
  return iv instanceof Uint8Array && iv.length === IV_BYTES && data instanceof Uint8Array && data.length >= 16;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict: anything but canonical base64 is refused (returns undefined), never half-read. */
export function fromBase64(text: string): Bytes | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // A non-canonical ending (stray bits in the last character) would decode to the same bytes.
  return toBase64(bytes) === text ? bytes : undefined;
}

export async function sha256(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}
