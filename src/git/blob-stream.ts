// Blobs streamed from one long-running `git cat-file --batch`: for a commit scan, git inflates and rebuilds deltas
// in C on the other core while we scan. Requests are answered in order, so a scan can ask for the blobs of the next
// commits while it scans this one. Output format: https://git-scm.com/docs/git-cat-file#_batch_output
import { RepositoryError, type GitTask } from '../errors.js';
import type { GitLocation } from './git-process.js';
import { spawnGit } from './git-process.js';

const READ_BLOBS: GitTask = { kind: 'read-blobs' };

interface Waiting {
  oid: string;
  resolve: (data: Buffer | null) => void;
  reject: (error: Error) => void;
}

export class BlobStream {
  private readonly queue: Waiting[] = [];
  private head = 0;
  /** Requests not yet taken, with how many takes each still expects. */
  private readonly answers = new Map<string, { answer: Promise<Buffer | null>; uses: number }>();
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private expect: { oid: string; size: number } | null = null;
  private readonly unsent: string[] = [];
  private failure: Error | null = null;
  private readonly git;
  private readonly finished: Promise<void>;

  constructor(repo: GitLocation) {
    const started = spawnGit(repo, ['cat-file', '--batch'], READ_BLOBS);
    this.git = started.process;
    this.finished = started.finished;
    this.git.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.git.stdin.on('error', (error) => this.fail(error));
    this.finished.then(
      () => this.fail(new RepositoryError({ kind: 'git-stopped', task: READ_BLOBS })),
      (error: Error) => this.fail(error),
    );
  }

  /** Asks for a blob now; each request is matched by one `take` later. Asking twice reads it once. */
  request(oid: string): void {
    const known = this.answers.get(oid);
    if (known) {
      known.uses++;
      return;
    }
    const answer = new Promise<Buffer | null>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ oid, resolve, reject });
      this.unsent.push(oid);
    });
    answer.catch(() => {}); // the failure reaches whoever takes it
    this.answers.set(oid, { answer, uses: 1 });
  }

  /** Sends the requests made since the last flush, in one write. */
  flush(): void {
    if (this.unsent.length === 0) return;
    this.git.stdin.write(`${this.unsent.join('\n')}\n`);
    this.unsent.length = 0;
  }

  /** The blob's bytes, or null when git does not have it. */
  async take(oid: string): Promise<Buffer | null> {
    // Requests go out in batches: one write per batch, and git is never left idle while we wait.
    if (this.unsent.length >= 64 || this.unsent.includes(oid)) this.flush();
    const known = this.answers.get(oid);
    if (!known) {
      this.request(oid);
      return this.take(oid);
    }
    if (--known.uses === 0) this.answers.delete(oid);
    return known.answer;
  }

  /** Stops git; pending requests fail. */
  async close(): Promise<void> {
    this.unsent.length = 0;
    this.git.stdin.end();
    try {
      await this.finished;
    } catch {
      // Closing after a failure: the failure was already reported to whoever waited.
    }
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    try {
      while (this.next()) {
        // one answer at a time
      }
    } catch (error) {
      this.fail(error as Error);
      this.git.kill();
    }
  }

  /** Completes one answer if its bytes are all here; returns whether it did. */
  private next(): boolean {
    if (this.expect === null) {
      const header = this.readLine();
      if (header === null) return false;
      const waiting = this.queue[this.head];
      if (!waiting) throw new RepositoryError({ kind: 'unexpected-output', task: READ_BLOBS, output: header });
      const [oid, type, size] = header.split(' ');
      if (type === 'missing' && oid === waiting.oid) {
        this.answer(null);
        return true;
      }
      if (oid !== waiting.oid || type !== 'blob' || size === undefined || !/^[0-9]+$/.test(size)) {
        throw new RepositoryError({
          kind: 'unexpected-output',
          task: READ_BLOBS,
          output: header,
          request: waiting.oid,
        });
      }
      this.expect = { oid, size: Number(size) };
    }
    // The content and a newline.
    if (this.buffered < this.expect.size + 1) return false;
    const content = this.take_(this.expect.size);
    this.take_(1);
    this.expect = null;
    this.answer(content);
    return true;
  }

  /** A header line, without its newline, if one is buffered. Headers are short: joining chunks here is cheap. */
  private readLine(): string | null {
    for (;;) {
      const first = this.chunks[0];
      if (!first) return null;
      const newline = first.indexOf(0x0a);
      if (newline !== -1) {
        const line = first.toString('latin1', 0, newline);
        this.take_(newline + 1);
        return line;
      }
      if (this.chunks.length === 1) return null;
      this.chunks.splice(0, 2, Buffer.concat([first, this.chunks[1]!]));
    }
  }

  /** The next `length` buffered bytes (a view when they lie in one chunk, else one copy). */
  private take_(length: number): Buffer {
    const first = this.chunks[0]!;
    this.buffered -= length;
    if (first.length >= length) {
      const out = first.subarray(0, length);
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.chunks[0]!;
      const part = Math.min(chunk.length, length - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    return out;
  }

  private answer(data: Buffer | null): void {
    const waiting = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    waiting.resolve(data);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (let i = this.head; i < this.queue.length; i++) this.queue[i]!.reject(error);
    this.queue.length = 0;
    this.head = 0;
  }
}
