import { spawn, type ChildProcess } from 'node:child_process';
import { SourceError } from '../../errors.js';

/** One object as `git cat-file --batch` answers it. */
export interface GitObject {
  oid: string;
  /** `blob`, `tree`, `commit` or `tag`. */
  type: string;
  content: Buffer;
}

interface Pending {
  name: string;
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

/** How long an idle `cat-file` process waits for the next request before it is told to exit. */
export const CAT_FILE_IDLE_MS = 2000;
/** Bodies at least this large are filled in place rather than gathered and concatenated. */
const LARGE_BODY_BYTES = 1 << 20;

/**
 * One long-lived `git cat-file --batch` process for a repository: each request (an object
 * id, or any name git resolves, such as `rev^{commit}` or `rev:path`) is a line on its
 * stdin, each answer `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n`, in order. The
 * process is started on the first request, exits once idle for `idleMs`, and never keeps
 * node running while no request waits (its handles are unref'd when idle). When git
 * cannot start or the process dies, every waiting request fails with a SourceError.
 */
export class CatFile {
  private child: ChildProcess | null = null;
  private readonly pending: Pending[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The answer being read: its header, once seen, and how many body bytes follow. */
  private current: { oid: string; type: string; size: number } | null = null;
  /** A large body being filled as it arrives, so its chunks are not all held until the end. */
  private body: { bytes: Buffer; filled: number } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stderr: Buffer[] = [];
  /** How many processes this reader has started (tests and benchmarks count them). */
  spawned = 0;

  constructor(
    private readonly root: string,
    private readonly idleMs = CAT_FILE_IDLE_MS,
    private readonly command = 'git',
  ) {}

  /** The object `name` names, or null when the repository has no such object. */
  read(name: string): Promise<GitObject | null> {
    // A newline would split the request in two and put every later answer out of step.
    if (name.includes('\n') || name === '') return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.pending.push({ name, resolve, reject });
      const child = this.process();
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      this.hold(true);
      child.stdin!.write(`${name}\n`);
    });
  }

  /** Stops the process now (waiting requests fail); a later request starts a new one. */
  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const child = this.child;
    if (!child) return;
    this.child = null;
    child.stdin?.end();
    this.fail(new SourceError('git cat-file was closed while reading'));
  }

  private process(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn(this.command, ['cat-file', '--batch'], {
      cwd: this.root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    this.spawned++;
    this.child = child;
    this.chunks = [];
    this.buffered = 0;
    this.current = null;
    this.body = null;
    this.stderr = [];
    child.stdout!.on('data', (chunk: Buffer) => {
      if (this.child !== child) return;
      this.receive(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      // Only the start is kept for the message: a long-lived process must not gather warnings without end.
      if (this.stderr.length < 4) this.stderr.push(chunk);
    });
    // git may exit before reading all input; its exit says why.
    child.stdin!.on('error', () => undefined);
    child.on('error', (error) => {
      if (this.child === child) this.child = null;
      this.fail(new SourceError(`cannot run git (${error.message}); install git and make sure it is on PATH`));
    });
    child.on('close', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      const why = Buffer.concat(this.stderr).toString('utf8').trim().split('\n')[0];
      this.fail(new SourceError(`git cat-file --batch in ${this.root} exited (${signal ?? `code ${code}`})${why ? `: ${why}` : ''} while reading`));
    });
    return child;
  }

  /** A process with a request waiting keeps node running; an idle one does not. */
  private hold(busy: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref?: () => void; unref?: () => void }[]) {
      if (busy) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  private fail(error: Error): void {
    for (const waiting of this.pending.splice(0)) waiting.reject(error);
  }

  /** Answers every request whose whole response has arrived. */
  private drain(): void {
    for (;;) {
      if (!this.current) {
        if (this.chunks.length === 0) return;
        const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
        this.chunks = [head];
        const newline = head.indexOf(0x0a);
        if (newline === -1) return;
        const header = head.subarray(0, newline).toString('utf8');
        this.take(newline + 1);
        const [oid, type, size] = header.split(' ');
        if (oid && type && size !== undefined && /^\d+$/.test(size) && header.split(' ').length === 3) {
          this.current = { oid, type, size: Number(size) };
        } else {
          // "<name> missing" (or "ambiguous"): no body follows.
          this.answer(null);
          continue;
        }
      }
      const { oid, type, size } = this.current;
      if (this.buffered < size + 1) {
        // A body larger than a few pipe reads is copied into its own buffer as it comes.
        if (size >= LARGE_BODY_BYTES) {
          this.body = { bytes: Buffer.allocUnsafe(size), filled: 0 };
          const waiting = this.chunks;
          this.chunks = [];
          this.buffered = 0;
          for (const chunk of waiting) this.receive(chunk);
        }
        return;
      }
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [];
      this.buffered = 0;
      this.current = null;
      this.answer({ oid, type, content: all.subarray(0, size) });
      this.push(all.subarray(size + 1));
    }
  }

  /** Bytes from git's stdout: into the large body being filled, or queued to be parsed. */
  private receive(chunk: Buffer): void {
    const body = this.body;
    if (!body) {
      this.push(chunk);
      this.drain();
      return;
    }
    const taken = Math.min(chunk.length, body.bytes.length - body.filled);
    chunk.copy(body.bytes, body.filled, 0, taken);
    body.filled += taken;
    if (body.filled < body.bytes.length) return;
    // The body is whole once its terminating newline has come too.
    const rest = chunk.subarray(taken);
    if (rest.length === 0) return;
    const { oid, type } = this.current!;
    this.body = null;
    this.current = null;
    this.answer({ oid, type, content: body.bytes });
    this.push(rest.subarray(1));
    this.drain();
  }

  private push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  private take(bytes: number): void {
    const head = this.chunks[0]!.subarray(bytes);
    this.chunks = head.length > 0 ? [head] : [];
    this.buffered -= bytes;
  }

  private answer(object: GitObject | null): void {
    const waiting = this.pending.shift();
    if (this.pending.length === 0) {
      this.hold(false);
      this.idleTimer = setTimeout(() => this.stopIdle(), this.idleMs);
      this.idleTimer.unref();
    }
    waiting?.resolve(object);
  }

  private stopIdle(): void {
    this.idleTimer = null;
    if (this.pending.length > 0 || !this.child) return;
    const child = this.child;
    this.child = null;
    child.stdin?.end();
  }
}
