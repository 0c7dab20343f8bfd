import type { ClientRow } from '@/lib/db';

/**
 * A row's print: a number that changes whenever the stored row does, so the background can tell
 * which rows of the list changed since it last read them without opening (or, under the vault,
 * decrypting) the others. A sealed row is sealed afresh with a new random IV on every write, so
 * its IV (and length) tell; a readable row is printed from everything in it but its index keys
 * (which follow from its identities). Two 32-bit hashes make 53 bits: a changed row that keeps its
 * print is a one-in-2^53 chance, and costs a stale entry until the row's next change.
 */
export function rowPrint(row: ClientRow): number {
  const print = new Print();
  if ('sealed' in row) {
    print.bytes(row.sealed.iv);
    print.number(row.sealed.data.byteLength);
  } else {
    for (const key in row) if (key !== 'identityKeys') print.entry(key, (row as unknown as Record<string, unknown>)[key]);
  }
  return print.value();
}

class Print {
  private a = 0x811c9dc5;
  private b = 0x2545f491;

  private mix(code: number): void {
    this.a = Math.imul(this.a ^ code, 0x01000193);
    this.b = Math.imul(this.b ^ code, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  private text(text: string): void {
    for (let i = 0; i < text.length; i++) this.mix(text.charCodeAt(i));
    this.mix(0x10000); // past every UTF-16 unit: where one string ends and the next begins
  }

  number(value: number): void {
    this.text(String(value));
  }

  bytes(bytes: Uint8Array): void {
    for (const byte of bytes) this.mix(byte);
    this.mix(0x10001);
  }

  entry(key: string, value: unknown): void {
    if (value === undefined) return;
    this.text(key);
    this.anything(value);
  }

  private anything(value: unknown): void {
    if (typeof value === 'string') this.text(value);
    else if (typeof value === 'number') this.number(value);
    else if (typeof value === 'boolean') this.mix(value ? 0x10002 : 0x10003);
    else if (Array.isArray(value)) {
      this.mix(0x10004);
      for (const item of value) this.anything(item);
      this.mix(0x10005);
    } else if (value instanceof Uint8Array) this.bytes(value);
    else if (typeof value === 'object' && value !== null) {
      this.mix(0x10006);
      for (const [key, item] of Object.entries(value)) this.entry(key, item);
      this.mix(0x10007);
    } else this.mix(0x10008);
  }

  value(): number {
    return (this.a >>> 0) * 0x200000 + (this.b >>> 11);
  }
}
