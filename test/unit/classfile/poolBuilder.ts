/** Builds a minimal class file around a hand-written constant pool (JVM spec §4.1, §4.4). */
export class PoolBuilder {
  private readonly entries: Buffer[] = [];
  private next = 1;

  private add(body: Buffer, slots = 1): number {
    const index = this.next;
    this.entries.push(body);
    this.next += slots;
    return index;
  }

  utf8(text: string): number {
    return this.utf8Bytes(Buffer.from(text, 'utf8'));
  }

  /** A Utf8 entry holding these bytes as they are (a test's malformed or unusual encodings). */
  utf8Bytes(bytes: Buffer): number {
    return this.add(Buffer.concat([Buffer.from([1, bytes.length >> 8, bytes.length & 0xff]), bytes]));
  }

  u2s(tag: number, ...values: number[]): number {
    const body = Buffer.alloc(1 + 2 * values.length);
    body[0] = tag;
    values.forEach((v, i) => body.writeUInt16BE(v, 1 + 2 * i));
    return this.add(body);
  }

  raw(tag: number, payload: number[], slots = 1): number {
    return this.add(Buffer.from([tag, ...payload]), slots);
  }

  classFile(thisClass: number, superClass: number): Buffer {
    const head = Buffer.alloc(10);
    head.writeUInt32BE(0xcafebabe, 0);
    head.writeUInt16BE(65, 6); // Java 21
    head.writeUInt16BE(this.next, 8);
    const tail = Buffer.alloc(16);
    tail.writeUInt16BE(0x0021, 0);
    tail.writeUInt16BE(thisClass, 2);
    tail.writeUInt16BE(superClass, 4);
    // interfaces, fields, methods and attributes counts all 0.
    return Buffer.concat([head, ...this.entries, tail]);
  }
}

