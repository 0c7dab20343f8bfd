import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deriveKey,
  fromBase64,
  IV_BYTES,
  PBKDF2_ITERATIONS,
  randomBytes,
  seal,
  SALT_BYTES,
  toBase64,
  unseal,
  UnsealError,
} from '@/lib/vault/crypto';

afterEach(() => {
  vi.restoreAllMocks();
});

const salt = randomBytes(SALT_BYTES);

describe('vault cryptography', () => {
  it('derives with PBKDF2-HMAC-SHA-256, at least 600,000 iterations, a 16-byte salt and a 256-bit result', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const { raw } = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(derive).toHaveBeenCalledTimes(1);
    const [params, , bits] = derive.mock.calls[0]!;
    expect(params).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect((params as Pbkdf2Params).salt).toHaveLength(16);
    expect(bits).toBe(256);
    expect(raw).toHaveLength(32);
  });

  it('refuses to derive with fewer iterations than the floor, or absurdly many', async () => {
    await expect(deriveKey('correct horse battery', salt, 599_999)).rejects.toThrow(/iterations/);
    await expect(deriveKey('correct horse battery', salt, 1e12)).rejects.toThrow(/iterations/);
  });

  it('the same passphrase and salt give the same key; another salt or passphrase another', async () => {
    const a = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    const b = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    const otherSalt = await deriveKey('correct horse battery', randomBytes(SALT_BYTES), PBKDF2_ITERATIONS);
    const otherWords = await deriveKey('correct horse batterY', salt, PBKDF2_ITERATIONS);
    expect(toBase64(a.raw)).toBe(toBase64(b.raw));
    expect(toBase64(otherSalt.raw)).not.toBe(toBase64(a.raw));
    expect(toBase64(otherWords.raw)).not.toBe(toBase64(a.raw));
  });

  it('an accented passphrase typed composed or decomposed gives the same key', async () => {
    const composed = await deriveKey('caf\u00e9 au lait noir', salt, PBKDF2_ITERATIONS);
    const decomposed = await deriveKey('cafe\u0301 au lait noir', salt, PBKDF2_ITERATIONS);
    expect(toBase64(composed.raw)).toBe(toBase64(decomposed.raw));
  });

  it('round-trips a record, with a fresh 96-bit IV for every seal and nothing readable in the ciphertext', async () => {
    const { key } = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    const record = { name: 'Zoë Dubois', aliases: ['Zo'], identities: { facebook: ['zoedubois9'] } };
    const sealedValues = await Promise.all(Array.from({ length: 50 }, () => seal(key, 'test', record)));
    for (const sealed of sealedValues) {
      expect(sealed.iv).toHaveLength(IV_BYTES);
      expect(await unseal(key, 'test', sealed)).toEqual(record);
      const bytes = Buffer.from(sealed.data);
      expect(bytes.includes(Buffer.from('Dubois'))).toBe(false);
      expect(bytes.includes(Buffer.from('zoedubois9'))).toBe(false);
    }
    expect(new Set(sealedValues.map((s) => toBase64(s.iv))).size).toBe(50);
    expect(new Set(sealedValues.map((s) => toBase64(s.data))).size).toBe(50);
  });

  it('pads, so names of different lengths seal to the same size', async () => {
    const { key } = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    const short = await seal(key, 'test', { name: 'Al' });
    const long = await seal(key, 'test', { name: 'Alexandrina' });
    expect(short.data.length).toBe(long.data.length);
  });

  it('refuses the wrong key, another purpose, and any changed byte', async () => {
    const { key } = await deriveKey('correct horse battery', salt, PBKDF2_ITERATIONS);
    const { key: wrong } = await deriveKey('wrong horse battery', salt, PBKDF2_ITERATIONS);
    const sealed = await seal(key, 'client', { name: 'Ana' });
    await expect(unseal(wrong, 'client', sealed)).rejects.toBeInstanceOf(UnsealError);
    await expect(unseal(key, 'not-them', sealed)).rejects.toBeInstanceOf(UnsealError);
    for (const part of ['iv', 'data'] as const) {
      for (let i = 0; i < sealed[part].length; i += 7) {
        const changed = { ...sealed, [part]: sealed[part].slice() };
        changed[part][i]! ^= 0x01;
        await expect(unseal(key, 'client', changed)).rejects.toBeInstanceOf(UnsealError);
      }
    }
    await expect(unseal(key, 'client', { iv: sealed.iv, data: sealed.data.slice(0, -1) })).rejects.toBeInstanceOf(UnsealError);
  });

  it('base64 is read strictly', () => {
    const bytes = randomBytes(33);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('abc')).toBeUndefined();
    expect(fromBase64('ab!=')).toBeUndefined();
    expect(fromBase64('QQ==')).toEqual(new Uint8Array([65]));
    expect(fromBase64('QR==')).toBeUndefined();
  });
});
