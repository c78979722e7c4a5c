import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorResponse, type FakeGitHub, type FakeRequest, type FakeResponse } from './fake-github.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

/** Who did something on GitHub. */
export interface Actor {
  login: string;
  type: 'User' | 'Bot';
}

/** The author of writes made with a GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT: Actor = { login: 'github-actions[bot]', type: 'Bot' };

export interface FakeRepoOptions {
  owner: string;
  repo: string;
  /** A local git repository (work tree or bare) whose objects the fake serves and writes. */
  gitDir: string;
  defaultBranch?: string;
  /**
   * Whose token the client holds (default octocat, a User). 'installation' is a GITHUB_TOKEN:
   * GET /user answers 403 and writes are authored by github-actions[bot].
   */
  identity?: Actor | 'installation';
  /** A fork pull request's token: every write answers 403. */
  readOnly?: boolean;
}

export interface PullRequestState {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  user: Actor;
  base: { ref: string; sha: string };
  /** `repo` is the head repository's full name; another name than this repository's marks a fork. */
  head: { ref: string; sha: string; repo: string };
  labels: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Reaction {
  id: number;
  content: ReactionContent;
  user: Actor;
  createdAt: string;
}

export interface IssueComment {
  id: number;
  issueNumber: number;
  body: string;
  user: Actor;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
}

export interface IssueEvent {
  id: number;
  issueNumber: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: Actor;
  createdAt: string;
}

/** A pull request to set up; `head` is a branch of `gitDir` unless `headSha` is given. */
export interface NewPull {
  number?: number;
  head: string;
  headSha?: string;
  /** Default: this repository (not a fork). */
  headRepo?: string;
  base?: string;
  baseSha?: string;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  labels?: string[];
  user?: Actor;
}

/**
 * Runs before the default handling of one operation (after the request passed validation).
 * Return a response to answer with it instead, e.g. `errorResponse(500, 'boom')`.
 */
export type OperationHook = (request: FakeRequest, repo: FakeRepo) => void | FakeResponse | Promise<void | FakeResponse>;

/** One changed file between two commits, as GitHub's file lists report it. */
interface DiffFile {
  filename: string;
  previousFilename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  sha: string;
  additions: number;
  deletions: number;
}

interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

type Json = Record<string, unknown>;
type Route = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** Thrown inside a handler to answer with a GitHub error. */
class GitHubError extends Error {
  constructor(readonly response: FakeResponse) {
    super(String((response.body as { message?: string } | undefined)?.message));
  }
}

function fail(status: number, message: string, errors?: Array<Record<string, unknown>>): never {
  throw new GitHubError(errorResponse(status, message, errors));
}

const WRITES = new Set([
  'pulls/create',
  'pulls/update',
  'git/create-blob',
  'git/create-tree',
  'git/create-commit',
  'git/create-ref',
  'git/update-ref',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'reactions/create-for-issue-comment',
]);

const ZERO_SHA = '0000000000000000000000000000000000000000';
/** GitHub's limits, which clients must cope with. */
const PULL_FILES_CAP = 3000;
const COMMIT_FILES_CAP = 3000;
const COMPARE_FILES_CAP = 300;
const TREE_ENTRIES_CAP = 100_000;
const BODY_MAX = 65_536;

const ROLES: Record<Permission, { permission: 'admin' | 'write' | 'read' | 'none'; permissions: Record<string, boolean> }> = {
  admin: { permission: 'admin', permissions: { admin: true, maintain: true, push: true, triage: true, pull: true } },
  maintain: { permission: 'write', permissions: { admin: false, maintain: true, push: true, triage: true, pull: true } },
  write: { permission: 'write', permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } },
  triage: { permission: 'read', permissions: { admin: false, maintain: false, push: false, triage: true, pull: true } },
  read: { permission: 'read', permissions: { admin: false, maintain: false, push: false, triage: false, pull: true } },
  none: { permission: 'none', permissions: { admin: false, maintain: false, push: false, triage: false, pull: false } },
};

/** A temporary bare repository with `main` as its unborn default branch; remove it with rmSync. */
export function createTempGitDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doc-sync-fake-repo-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  return dir;
}

/**
 * Commits `files` on `branch` of the repository at `gitDir` (null deletes a path) in one
 * `git fast-import`, so thousands of files cost milliseconds. The parent is `from` (a revision)
 * or else the branch tip; a branch that does not exist yet and no `from` makes a root commit.
 * Other files are kept. Returns the commit SHA.
 */
export function commitFiles(
  gitDir: string,
  branch: string,
  files: Record<string, string | Uint8Array | null>,
  options: { from?: string; message?: string; date?: Date; modes?: Record<string, '100644' | '100755' | '120000'> } = {},
): string {
  const git = (args: string[], input?: Buffer): string =>
    execFileSync('git', args, { cwd: gitDir, input, env: { ...process.env, ...GIT_IDENTITY }, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] })
      .toString('utf8')
      .trim();
  const resolve = (revision: string): string => git(['rev-parse', '--verify', `${revision}^{commit}`]);
  const parent = options.from !== undefined ? resolve(options.from) : spawnSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${branch}`], { cwd: gitDir }).stdout.toString('utf8').trim();
  const message = Buffer.from(options.message ?? 'change');
  const signature = `Test <test@example.com> ${Math.floor((options.date ?? new Date(Date.UTC(2024, 0, 1))).getTime() / 1000)} +0000`;
  const chunks: Buffer[] = [
    Buffer.from(`commit refs/heads/${branch}\nauthor ${signature}\ncommitter ${signature}\ndata ${message.length}\n`),
    message,
    Buffer.from(`\n${parent ? `from ${parent}\n` : ''}`),
  ];
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      chunks.push(Buffer.from(`D ${fastImportPath(path)}\n`));
      continue;
    }
    const data = Buffer.from(content);
    chunks.push(Buffer.from(`M ${options.modes?.[path] ?? '100644'} inline ${fastImportPath(path)}\ndata ${data.length}\n`), data, Buffer.from('\n'));
  }
  // --force: `from` may move the branch to a commit that does not descend from its tip.
  git(['fast-import', '--quiet', '--force'], Buffer.concat(chunks));
  return resolve(`refs/heads/${branch}`);
}

/**
 * One GitHub repository on top of FakeGitHub, backed by a real git repository: SHAs, trees,
 * diffs and merge bases come from git, and writes (blobs, trees, commits, refs) land in it.
 * Pull requests, comments, label events and permissions are plain state the test sets up and
 * inspects. Issue numbers are pull request numbers. One FakeRepo per FakeGitHub.
 */
export class FakeRepo {
  readonly owner: string;
  readonly repo: string;
  readonly gitDir: string;
  readonly defaultBranch: string;
  readonly identity: Actor | 'installation';
  readOnly: boolean;

  readonly pulls = new Map<number, PullRequestState>();
  readonly comments: IssueComment[] = [];
  readonly events: IssueEvent[] = [];
  /** Collaborator permission by login; a login not listed has 'none'. */
  readonly permissions = new Map<string, Permission>();

  private readonly hooks = new Map<string, Array<{ hook: OperationHook; times: number }>>();
  private readonly diffs = new Map<string, DiffFile[]>();
  private clock = Date.UTC(2024, 0, 1);
  private nextId = 1001;

  constructor(
    private readonly github: FakeGitHub,
    options: FakeRepoOptions,
  ) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.gitDir = options.gitDir;
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.identity = options.identity ?? { login: 'octocat', type: 'User' };
    this.readOnly = options.readOnly ?? false;
    for (const [operationId, route] of Object.entries(this.routes())) {
      github.on(operationId, (request) => this.dispatch(operationId, request, route));
    }
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** The author of writes through the API. */
  get actor(): Actor {
    return this.identity === 'installation' ? GITHUB_ACTIONS_BOT : this.identity;
  }

  // ---- set-up and inspection helpers ----------------------------------------------------------

  /** Runs git in the repository and returns its trimmed output. */
  git(...args: string[]): string {
    return this.run(args).toString('utf8').trim();
  }

  /**
   * Commits `files` on `branch` (null deletes a path; see the `commitFiles` function), dated by
   * the fake clock; open pull requests from the branch follow. Returns the commit SHA.
   */
  commitFiles(branch: string, files: Record<string, string | Uint8Array | null>, options: { from?: string; message?: string; modes?: Record<string, '100644' | '100755' | '120000'> } = {}): string {
    const sha = commitFiles(this.gitDir, branch, files, { ...options, date: this.tick() });
    this.onBranchMoved(branch, sha);
    return sha;
  }

  /** Points a branch at a commit, as a push would (open pull requests from it follow). */
  setBranch(branch: string, revision: string): string {
    const sha = this.requireCommit(revision);
    this.run(['update-ref', `refs/heads/${branch}`, sha]);
    this.onBranchMoved(branch, sha);
    return sha;
  }

  /** The commit a revision names, or null. */
  resolveCommit(revision: string): string | null {
    if (revision.startsWith('-')) return null;
    return this.tryRun(['rev-parse', '--verify', '-q', `${revision}^{commit}`]);
  }

  addPull(spec: NewPull): PullRequestState {
    const number = spec.number ?? this.nextNumber();
    if (this.pulls.has(number)) throw new Error(`pull request #${number} exists`);
    const base = spec.base ?? this.defaultBranch;
    const at = this.stamp();
    const pull: PullRequestState = {
      number,
      title: spec.title ?? `Pull request ${number}`,
      body: spec.body === undefined ? null : spec.body,
      state: spec.state ?? 'open',
      draft: spec.draft ?? false,
      user: spec.user ?? { login: 'contributor', type: 'User' },
      base: { ref: base, sha: this.requireCommit(spec.baseSha ?? `refs/heads/${base}`) },
      head: { ref: spec.head, sha: this.requireCommit(spec.headSha ?? `refs/heads/${spec.head}`), repo: spec.headRepo ?? this.fullName },
      labels: [...(spec.labels ?? [])],
      createdAt: at,
      updatedAt: at,
    };
    this.pulls.set(number, pull);
    // GitHub keeps every pull request's head here, fork or not.
    this.run(['update-ref', `refs/pull/${number}/head`, pull.head.sha]);
    return pull;
  }

  addComment(spec: { issueNumber: number; body: string; user?: Actor; createdAt?: string }): IssueComment {
    const at = spec.createdAt ?? this.stamp();
    const comment: IssueComment = {
      id: this.nextId++,
      issueNumber: spec.issueNumber,
      body: spec.body,
      user: spec.user ?? this.actor,
      createdAt: at,
      updatedAt: at,
      reactions: [],
    };
    this.comments.push(comment);
    return comment;
  }

  /** Records a labeled/unlabeled event and applies it to the pull request's labels. */
  addLabelEvent(spec: { issueNumber: number; label: string; action?: 'labeled' | 'unlabeled'; actor?: Actor }): IssueEvent {
    const event: IssueEvent = {
      id: this.nextId++,
      issueNumber: spec.issueNumber,
      event: spec.action ?? 'labeled',
      label: spec.label,
      actor: spec.actor ?? { login: 'maintainer', type: 'User' },
      createdAt: this.stamp(),
    };
    this.events.push(event);
    const pull = this.pulls.get(spec.issueNumber);
    if (pull) {
      pull.labels = pull.labels.filter((label) => label !== spec.label);
      if (event.event === 'labeled') pull.labels.push(spec.label);
    }
    return event;
  }

  commentsOn(issueNumber: number): IssueComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  /**
   * Fault injection: runs `hook` before each of the next `times` (default: every) requests of
   * the operation, e.g. a concurrent push that moves a branch before `git/update-ref`.
   */
  beforeOperation(operationId: string, hook: OperationHook, options: { times?: number } = {}): this {
    const list = this.hooks.get(operationId) ?? [];
    list.push({ hook, times: options.times ?? Infinity });
    this.hooks.set(operationId, list);
    return this;
  }

  clearHooks(): void {
    this.hooks.clear();
  }

  /** The next time stamp of the fake clock (one minute per event, from 2024-01-01). */
  stamp(): string {
    return isoSeconds(this.tick());
  }

  // ---- dispatch -----------------------------------------------------------------------------

  private async dispatch(operationId: string, request: FakeRequest, route: Route): Promise<FakeResponse> {
    const { owner, repo } = request.params;
    if (owner !== undefined && (owner.toLowerCase() !== this.owner.toLowerCase() || repo?.toLowerCase() !== this.repo.toLowerCase())) {
      return errorResponse(404, 'Not Found');
    }
    for (const entry of this.hooks.get(operationId) ?? []) {
      if (entry.times <= 0) continue;
      entry.times -= 1;
      const replaced = await entry.hook(request, this);
      if (replaced) return replaced;
    }
    if (this.readOnly && WRITES.has(operationId)) return errorResponse(403, 'Resource not accessible by integration');
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof GitHubError) return error.response;
      throw error;
    }
  }

  private routes(): Record<string, Route> {
    return {
      'users/get-authenticated': () => {
        if (this.identity === 'installation') return errorResponse(403, 'Resource not accessible by integration');
        return { body: this.privateUser(this.identity) };
      },
      'repos/get': () => ({ body: this.repository(this.fullName, true) }),
      'repos/get-collaborator-permission-level': (request) => this.permissionLevel(request.params.username),
      'repos/get-commit': (request) => this.getCommit(request),
      'repos/compare-commits-with-basehead': (request) => this.compare(request),
      'repos/get-content': (request) => this.getContent(request),
      'pulls/get': (request) => ({ body: this.pullJson(this.pull(request.params.pull_number), true) }),
      'pulls/list': (request) => this.listPulls(request),
      'pulls/create': (request) => this.createPull(request.body as Json),
      'pulls/update': (request) => this.updatePull(this.pull(request.params.pull_number), request.body as Json | undefined),
      'pulls/list-files': (request) => {
        const pull = this.pull(request.params.pull_number);
        // GitHub stops at 3,000 files however many pages are asked for.
        const files = this.pullFiles(pull).slice(0, PULL_FILES_CAP);
        return this.page(request, files.map((file) => this.fileJson(file, pull.head.sha)), 30);
      },
      'git/get-tree': (request) => this.getTree(request),
      'git/get-blob': (request) => this.getBlob(request),
      'git/create-blob': (request) => this.createBlob(request.body as { content: string; encoding?: string }),
      'git/create-tree': (request) => this.createTree(request.body as { tree: TreeInput[]; base_tree?: string }),
      'git/create-commit': (request) => this.createCommit(request.body as CommitInput),
      'git/get-commit': (request) => ({ body: this.gitCommitJson(this.requireObject(request.params.commit_sha, 'commit')) }),
      'git/get-ref': (request) => ({ body: this.refJson(`refs/${request.params.ref}`, this.readRef(request.params.ref) ?? fail(404, 'Not Found')) }),
      'git/create-ref': (request) => this.createRef(request.body as { ref: string; sha: string }),
      'git/update-ref': (request) => this.updateRef(request.params.ref, request.body as { sha: string; force?: boolean }),
      'issues/get': (request) => ({ body: this.issueJson(this.pull(request.params.issue_number)) }),
      'issues/list-comments': (request) => {
        const number = this.pull(request.params.issue_number).number;
        const since = request.query.get('since');
        const listed = this.commentsOn(number).filter((comment) => !since || Date.parse(comment.updatedAt) >= Date.parse(since));
        return this.page(request, listed.map((comment) => this.commentJson(comment)), 30);
      },
      'issues/create-comment': (request) => {
        const number = this.pull(request.params.issue_number).number;
        const body = checkBody((request.body as { body: string }).body);
        return { status: 201, body: this.commentJson(this.addComment({ issueNumber: number, body, user: this.actor })) };
      },
      'issues/get-comment': (request) => ({ body: this.commentJson(this.comment(request.params.comment_id)) }),
      'issues/update-comment': (request) => {
        const comment = this.comment(request.params.comment_id);
        comment.body = checkBody((request.body as { body: string }).body);
        comment.updatedAt = this.stamp();
        return { body: this.commentJson(comment) };
      },
      'issues/delete-comment': (request) => {
        const comment = this.comment(request.params.comment_id);
        this.comments.splice(this.comments.indexOf(comment), 1);
        return { status: 204 };
      },
      'issues/list-events': (request) => {
        const number = this.pull(request.params.issue_number).number;
        const listed = this.events.filter((event) => event.issueNumber === number);
        return this.page(request, listed.map((event) => this.eventJson(event)), 30);
      },
      'reactions/create-for-issue-comment': (request) => {
        const comment = this.comment(request.params.comment_id);
        const content = (request.body as { content: ReactionContent }).content;
        const existing = comment.reactions.find((reaction) => reaction.content === content && reaction.user.login === this.actor.login);
        if (existing) return { status: 200, body: this.reactionJson(existing) };
        const reaction: Reaction = { id: this.nextId++, content, user: this.actor, createdAt: this.stamp() };
        comment.reactions.push(reaction);
        return { status: 201, body: this.reactionJson(reaction) };
      },
    };
  }

  // ---- operations ---------------------------------------------------------------------------

  private permissionLevel(username: string): FakeResponse {
    const level = this.permissions.get(username) ?? 'none';
    const role = ROLES[level];
    const user = { ...this.simpleUser({ login: username, type: 'User' }), role_name: level, permissions: role.permissions };
    return { body: { permission: role.permission, role_name: level, user } };
  }

  private getCommit(request: FakeRequest): FakeResponse {
    const sha = this.resolveCommit(request.params.ref);
    if (!sha) fail(422, `No commit found for SHA: ${request.params.ref}`);
    const info = this.readCommit(sha);
    const files = this.diff(info.parents[0] ?? this.emptyTree(), sha);
    const paged = this.page(request, files.slice(0, COMMIT_FILES_CAP), 300);
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    const body = {
      ...this.commitJson(info),
      stats: { total: additions + deletions, additions, deletions },
      files: (paged.body as DiffFile[]).map((file) => this.fileJson(file, sha)),
    };
    return { ...paged, body };
  }

  private compare(request: FakeRequest): FakeResponse {
    const parts = request.params.basehead.split('...');
    if (parts.length !== 2) fail(404, 'Not Found');
    // "owner:branch" names a ref in a fork; the fork's objects live in this repository too.
    const [base, head] = parts.map((part) => this.resolveCommit(part.replace(/^[^:]+:/, '')) ?? fail(404, 'Not Found'));
    const mergeBase = this.tryRun(['merge-base', base, head]) ?? fail(404, `No common ancestor between ${parts[0]} and ${parts[1]}.`);
    const aheadBy = Number(this.git('rev-list', '--count', `${base}..${head}`));
    const behindBy = Number(this.git('rev-list', '--count', `${head}..${base}`));
    const status = aheadBy === 0 && behindBy === 0 ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged';
    const commits = aheadBy === 0 ? [] : this.git('rev-list', '--reverse', `${base}..${head}`).split('\n');
    const paged = this.page(request, commits, 250);
    const firstPage = Number(request.query.get('page') ?? 1) <= 1;
    const body = {
      url: `${this.api}/compare/${request.params.basehead}`,
      html_url: `${this.html}/compare/${request.params.basehead}`,
      permalink_url: `${this.html}/compare/${this.owner}:${base}...${this.owner}:${head}`,
      diff_url: `${this.html}/compare/${request.params.basehead}.diff`,
      patch_url: `${this.html}/compare/${request.params.basehead}.patch`,
      base_commit: this.commitJson(this.readCommit(base)),
      merge_base_commit: this.commitJson(this.readCommit(mergeBase)),
      status,
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      commits: (paged.body as string[]).map((sha) => this.commitJson(this.readCommit(sha))),
      // GitHub lists files on the first page only, at most 300 of them.
      files: firstPage ? this.diff(mergeBase, head).slice(0, COMPARE_FILES_CAP).map((file) => this.fileJson(file, head)) : [],
    };
    return { ...paged, body };
  }

  private getContent(request: FakeRequest): FakeResponse {
    const revision = request.query.get('ref') ?? this.defaultBranch;
    const commit = this.resolveCommit(revision) ?? fail(404, `No commit found for the ref ${revision}`);
    const path = request.params.path.replace(/^\/+|\/+$/g, '');
    const entry = path ? (this.lsTree(commit, path, false, true)[0] ?? fail(404, 'Not Found')) : { mode: '040000', type: 'tree' as const, sha: '', path: '' };
    const contentJson = (item: TreeEntry): Json => ({
      type: item.type === 'tree' ? 'dir' : item.mode === '120000' ? 'symlink' : item.type === 'commit' ? 'submodule' : 'file',
      size: item.size ?? 0,
      name: item.path.split('/').pop(),
      path: item.path,
      sha: item.sha,
      url: `${this.api}/contents/${item.path}?ref=${encodeURIComponent(revision)}`,
      git_url: `${this.api}/git/${item.type === 'tree' ? 'trees' : 'blobs'}/${item.sha}`,
      html_url: `${this.html}/${item.type === 'tree' ? 'tree' : 'blob'}/${revision}/${item.path}`,
      download_url: item.type === 'blob' ? `https://raw.githubusercontent.com/${this.fullName}/${revision}/${item.path}` : null,
      _links: {
        self: `${this.api}/contents/${item.path}?ref=${encodeURIComponent(revision)}`,
        git: `${this.api}/git/${item.type === 'tree' ? 'trees' : 'blobs'}/${item.sha}`,
        html: `${this.html}/${item.type === 'tree' ? 'tree' : 'blob'}/${revision}/${item.path}`,
      },
    });
    if (entry.type === 'tree') {
      return { body: this.lsTree(`${commit}:${path}`, '', false, true).map((item) => contentJson({ ...item, path: path ? `${path}/${item.path}` : item.path })) };
    }
    const bytes = this.run(['cat-file', 'blob', entry.sha]);
    if (wantsRaw(request)) return { body: bytes, headers: { 'content-type': RAW_CONTENT_TYPE } };
    if (entry.mode === '120000') return { body: { ...contentJson(entry), target: bytes.toString('utf8') } };
    return { body: { ...contentJson(entry), encoding: 'base64', content: wrapBase64(bytes) } };
  }

  private listPulls(request: FakeRequest): FakeResponse {
    const state = request.query.get('state') ?? 'open';
    const head = request.query.get('head');
    const base = request.query.get('base');
    const sort = request.query.get('sort') ?? 'created';
    const direction = request.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
    const listed = [...this.pulls.values()]
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => !base || pull.base.ref === base)
      .filter((pull) => {
        if (!head) return true;
        const headOwner = pull.head.repo.split('/')[0];
        return head.includes(':') ? `${headOwner}:${pull.head.ref}`.toLowerCase() === head.toLowerCase() : headOwner.toLowerCase() === head.toLowerCase();
      })
      .sort((a, b) => (sort === 'updated' ? a.updatedAt.localeCompare(b.updatedAt) || a.number - b.number : a.number - b.number));
    if (direction === 'desc') listed.reverse();
    return this.page(request, listed.map((pull) => this.pullJson(pull, false)), 30);
  }

  private createPull(body: Json): FakeResponse {
    const headSpec = String(body.head);
    const [headOwner, headRef] = headSpec.includes(':') ? headSpec.split(':', 2) : [this.owner, headSpec];
    const base = String(body.base);
    const invalid = (field: string): never => fail(422, 'Validation Failed', [{ resource: 'PullRequest', field, code: 'invalid' }]);
    const headSha = this.resolveCommit(`refs/heads/${headRef}`) ?? invalid('head');
    const baseSha = this.resolveCommit(`refs/heads/${base}`) ?? invalid('base');
    if (body.title === undefined && body.issue === undefined) fail(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
    const headRepo = body.head_repo ? String(body.head_repo) : `${headOwner}/${this.repo}`;
    const duplicate = [...this.pulls.values()].some((pull) => pull.state === 'open' && pull.head.ref === headRef && pull.head.repo === headRepo && pull.base.ref === base);
    if (duplicate) fail(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headOwner}:${headRef}.` }]);
    if (this.git('rev-list', '--count', `${baseSha}..${headSha}`) === '0') {
      fail(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${headRef}` }]);
    }
    const pull = this.addPull({
      head: headRef,
      headSha,
      headRepo,
      base,
      baseSha,
      title: body.title === undefined ? `Issue ${String(body.issue)}` : String(body.title),
      body: typeof body.body === 'string' ? checkBody(body.body) : null,
      draft: body.draft === true,
      user: this.actor,
    });
    return { status: 201, body: this.pullJson(pull, true) };
  }

  private updatePull(pull: PullRequestState, body: Json | undefined): FakeResponse {
    if (body?.title !== undefined) pull.title = String(body.title);
    if (body?.body !== undefined) pull.body = checkBody(String(body.body));
    if (body?.state !== undefined) pull.state = body.state === 'closed' ? 'closed' : 'open';
    if (body?.base !== undefined) {
      const sha = this.resolveCommit(`refs/heads/${String(body.base)}`) ?? fail(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      pull.base = { ref: String(body.base), sha };
    }
    pull.updatedAt = this.stamp();
    return { body: this.pullJson(pull, true) };
  }

  private getTree(request: FakeRequest): FakeResponse {
    const tree = this.resolveTree(request.params.tree_sha) ?? fail(404, 'Not Found');
    // GitHub recurses when `recursive` has any value at all, even "false".
    const entries = this.lsTree(tree, '', request.query.has('recursive'), true);
    return { body: this.treeJson(tree, entries) };
  }

  private getBlob(request: FakeRequest): FakeResponse {
    const sha = request.params.file_sha;
    if (!/^[0-9a-f]{40}$/i.test(sha) || this.tryRun(['cat-file', '-t', sha]) !== 'blob') fail(404, 'Not Found');
    const bytes = this.run(['cat-file', 'blob', sha]);
    if (wantsRaw(request)) return { body: bytes, headers: { 'content-type': RAW_CONTENT_TYPE } };
    return { body: { sha, node_id: nodeId('B', sha), size: bytes.length, url: `${this.api}/git/blobs/${sha}`, content: wrapBase64(bytes), encoding: 'base64' } };
  }

  private createBlob(body: { content: string; encoding?: string }): FakeResponse {
    const encoding = body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') fail(422, `encoding must be "utf-8" or "base64", not "${encoding}"`);
    const bytes = Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8');
    const sha = this.run(['hash-object', '-w', '--stdin'], bytes).toString('utf8').trim();
    return { status: 201, body: { sha, url: `${this.api}/git/blobs/${sha}` } };
  }

  /** Builds the tree in a scratch index: base_tree read in, then each entry set, replaced or removed. */
  private createTree(body: { tree: TreeInput[]; base_tree?: string }): FakeResponse {
    const scratch = mkdtempSync(join(tmpdir(), 'doc-sync-fake-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      if (body.base_tree !== undefined) {
        const base = this.resolveTree(body.base_tree) ?? fail(422, 'Invalid tree info', [{ resource: 'Tree', field: 'base_tree', code: 'invalid' }]);
        this.run(['read-tree', base], undefined, env);
      } else {
        this.run(['read-tree', '--empty'], undefined, env);
      }
      const present = new Set(this.run(['ls-files', '-z'], undefined, env).toString('utf8').split('\0').filter(Boolean));
      const lines: string[] = [];
      const remove = (path: string): void => {
        for (const existing of present) {
          // A path replaces what sits at it, under it, or above it (a file where a folder goes).
          if (existing === path || existing.startsWith(`${path}/`) || path.startsWith(`${existing}/`)) {
            lines.push(`0 ${ZERO_SHA}\t${existing}`);
            present.delete(existing);
          }
        }
      };
      body.tree.forEach((entry, index) => {
        const invalid = (message: string): never => fail(422, message, [{ resource: 'Tree', field: `tree[${index}]`, code: 'invalid' }]);
        const path = entry.path ?? invalid('tree.path is missing');
        if (!path || path.startsWith('/') || path.endsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) invalid(`tree.path "${path}" is invalid`);
        const type = entry.type ?? 'blob';
        const mode = entry.mode ?? (type === 'tree' ? '040000' : type === 'commit' ? '160000' : '100644');
        const modeFits = type === 'tree' ? mode === '040000' : type === 'commit' ? mode === '160000' : ['100644', '100755', '120000'].includes(mode);
        if (!modeFits) invalid(`tree.mode ${mode} does not fit tree.type ${type}`);
        if (entry.content !== undefined && entry.sha !== undefined) invalid('tree entries take either sha or content, not both');
        remove(path);
        if (entry.sha === null) return;
        if (entry.content !== undefined) {
          if (type !== 'blob') invalid('tree.content is only for blobs');
          const sha = this.run(['hash-object', '-w', '--stdin'], Buffer.from(entry.content, 'utf8')).toString('utf8').trim();
          lines.push(`${mode} ${sha}\t${path}`);
          return;
        }
        const sha = entry.sha ?? invalid('tree.sha or tree.content is required');
        if (type === 'commit') {
          lines.push(`160000 ${sha}\t${path}`);
          return;
        }
        if (this.tryRun(['cat-file', '-t', sha]) !== type) invalid(`tree.sha ${sha} is not a valid ${type}`);
        if (type === 'blob') {
          lines.push(`${mode} ${sha}\t${path}`);
          return;
        }
        for (const item of this.lsTree(sha, '', true, false).filter((item) => item.type !== 'tree')) lines.push(`${item.mode} ${item.sha}\t${path}/${item.path}`);
      });
      if (lines.length > 0) this.run(['update-index', '--index-info'], Buffer.from(`${lines.join('\n')}\n`), env);
      const tree = this.run(['write-tree'], undefined, env).toString('utf8').trim();
      return { status: 201, body: this.treeJson(tree, this.lsTree(tree, '', false, true)) };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  private createCommit(body: CommitInput): FakeResponse {
    const tree = this.tryRun(['cat-file', '-t', body.tree]) === 'tree' ? body.tree : fail(422, 'Tree SHA does not exist');
    const parents = (body.parents ?? []).map((parent) =>
      this.tryRun(['cat-file', '-t', parent]) === 'commit' ? parent : fail(422, 'Parent SHA does not exist or is not a commit object'),
    );
    const now = this.stamp();
    const author = body.author ?? { name: this.actor.login, email: this.noreplyEmail(this.actor) };
    const committer = body.committer ?? author;
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date ?? now,
      GIT_COMMITTER_NAME: committer.name ?? author.name,
      GIT_COMMITTER_EMAIL: committer.email ?? author.email,
      GIT_COMMITTER_DATE: committer.date ?? now,
    };
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
    const sha = this.run(args, Buffer.from(body.message, 'utf8'), env).toString('utf8').trim();
    return { status: 201, body: this.gitCommitJson(sha) };
  }

  private createRef(body: { ref: string; sha: string }): FakeResponse {
    if (!/^refs\/[^/]+\/.+/.test(body.ref) || this.tryRun(['check-ref-format', body.ref]) === null) {
      fail(422, 'Reference name must start with \'refs/\' and have at least two slashes');
    }
    if (this.tryRun(['rev-parse', '--verify', '-q', body.ref]) !== null) fail(422, 'Reference already exists');
    if (this.tryRun(['cat-file', '-t', body.sha]) === null) fail(422, 'Object does not exist');
    this.run(['update-ref', body.ref, body.sha, ZERO_SHA]);
    this.onRefMoved(body.ref, body.sha);
    return { status: 201, body: this.refJson(body.ref, body.sha) };
  }

  private updateRef(ref: string, body: { sha: string; force?: boolean }): FakeResponse {
    const current = this.readRef(ref) ?? fail(422, 'Reference does not exist');
    if (this.tryRun(['cat-file', '-t', body.sha]) !== 'commit') fail(422, 'Object does not exist');
    if (body.force !== true && this.tryRun(['merge-base', '--is-ancestor', current, body.sha]) === null) fail(422, 'Update is not a fast forward');
    // Compare-and-swap: a ref that moved since it was read is not overwritten.
    if (this.tryRun(['update-ref', `refs/${ref}`, body.sha, current]) === null) fail(422, 'Reference cannot be updated');
    this.onRefMoved(`refs/${ref}`, body.sha);
    return { body: this.refJson(`refs/${ref}`, body.sha) };
  }

  // ---- state lookups ----------------------------------------------------------------------

  private pull(number: string): PullRequestState {
    return this.pulls.get(Number(number)) ?? fail(404, 'Not Found');
  }

  private comment(id: string): IssueComment {
    return this.comments.find((comment) => comment.id === Number(id)) ?? fail(404, 'Not Found');
  }

  private nextNumber(): number {
    return Math.max(0, ...this.pulls.keys()) + 1;
  }

  private onRefMoved(ref: string, sha: string): void {
    if (ref.startsWith('refs/heads/')) this.onBranchMoved(ref.slice('refs/heads/'.length), sha);
  }

  /** A push to a pull request's head branch updates the pull request, as on GitHub. */
  private onBranchMoved(branch: string, sha: string): void {
    for (const pull of this.pulls.values()) {
      if (pull.state !== 'open' || pull.head.repo !== this.fullName || pull.head.ref !== branch) continue;
      pull.head.sha = sha;
      pull.updatedAt = this.stamp();
      this.run(['update-ref', `refs/pull/${pull.number}/head`, sha]);
    }
  }

  /** The files a pull request changes: merge base to head, as GitHub diffs it. */
  private pullFiles(pull: PullRequestState): DiffFile[] {
    const mergeBase = this.tryRun(['merge-base', pull.base.sha, pull.head.sha]) ?? pull.base.sha;
    return this.diff(mergeBase, pull.head.sha);
  }

  // ---- git ---------------------------------------------------------------------------------

  private run(args: string[], input?: Buffer, env: Record<string, string> = {}): Buffer {
    return execFileSync('git', args, {
      cwd: this.gitDir,
      input,
      env: { ...process.env, ...GIT_IDENTITY, ...env },
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** Trimmed output, or null when git fails (unknown object, not an ancestor, …). */
  private tryRun(args: string[]): string | null {
    const result = spawnSync('git', args, { cwd: this.gitDir, env: { ...process.env, ...GIT_IDENTITY }, maxBuffer: 1 << 30 });
    return result.status === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  private requireCommit(revision: string): string {
    const sha = this.resolveCommit(revision);
    if (!sha) throw new Error(`fake repo: no commit "${revision}" in ${this.gitDir}`);
    return sha;
  }

  private requireObject(sha: string, type: 'commit' | 'tree' | 'blob'): string {
    if (!/^[0-9a-f]{40}$/i.test(sha) || this.tryRun(['cat-file', '-t', sha]) !== type) fail(404, 'Not Found');
    return sha.toLowerCase();
  }

  private resolveTree(revision: string): string | null {
    if (revision.startsWith('-')) return null;
    return this.tryRun(['rev-parse', '--verify', '-q', `${revision}^{tree}`]);
  }

  /** The SHA a ref ("heads/main", "tags/v1") points at, or null. */
  private readRef(ref: string): string | null {
    if (!/^(heads|tags|pull)\//.test(ref) || ref.includes('..')) return null;
    return this.tryRun(['rev-parse', '--verify', '-q', `refs/${ref}`]);
  }

  private emptyTree(): string {
    return this.run(['hash-object', '-t', 'tree', '-w', '--stdin'], Buffer.alloc(0)).toString('utf8').trim();
  }

  private lsTree(treeish: string, path: string, recursive: boolean, withSize: boolean): TreeEntry[] {
    const args = ['ls-tree', '-z', ...(withSize ? ['-l'] : []), ...(recursive ? ['-r', '-t'] : []), treeish, ...(path ? ['--', path] : [])];
    const output = this.tryRunBuffer(args);
    if (output === null) return [];
    return output
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/);
        return { mode, type: type as TreeEntry['type'], sha, path: line.slice(tab + 1), size: size && size !== '-' ? Number(size) : undefined };
      });
  }

  private tryRunBuffer(args: string[]): Buffer | null {
    const result = spawnSync('git', args, { cwd: this.gitDir, env: { ...process.env, ...GIT_IDENTITY }, maxBuffer: 1 << 30 });
    return result.status === 0 ? result.stdout : null;
  }

  private readCommit(sha: string): CommitInfo {
    const text = this.run(['cat-file', 'commit', sha]).toString('utf8');
    const split = text.indexOf('\n\n');
    const headers = (split < 0 ? text : text.slice(0, split)).split('\n').filter((line) => !line.startsWith(' '));
    const field = (name: string): string[] => headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
    return {
      sha,
      tree: field('tree')[0],
      parents: field('parent'),
      author: parseSignature(field('author')[0]),
      committer: parseSignature(field('committer')[0]),
      // GitHub shows messages without git's trailing newline.
      message: split < 0 ? '' : text.slice(split + 2).replace(/\n$/, ''),
    };
  }

  /** Changed files from `from` to `to`, with rename detection and line counts; cached by SHAs. */
  private diff(from: string, to: string): DiffFile[] {
    const key = `${from}..${to}`;
    const cached = this.diffs.get(key);
    if (cached) return cached;
    const raw = this.run(['diff', '--raw', '-z', '-M', '--no-abbrev', from, to]).toString('utf8').split('\0');
    const numstat = this.run(['diff', '--numstat', '-z', '-M', from, to]).toString('utf8').split('\0');
    const files: DiffFile[] = [];
    let r = 0;
    let n = 0;
    while (r < raw.length && raw[r].startsWith(':')) {
      const [, , oldSha, newSha, code] = raw[r].slice(1).split(' ');
      const letter = code[0];
      const paired = letter === 'R' || letter === 'C';
      const oldPath = raw[r + 1];
      const newPath = paired ? raw[r + 2] : oldPath;
      r += paired ? 3 : 2;
      // numstat: "added<TAB>deleted<TAB>path" or, for a rename, "added<TAB>deleted<TAB>" then both paths.
      const [added, deleted] = numstat[n].split('\t');
      n += numstat[n].endsWith('\t') ? 3 : 1;
      const status = ({ A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' } as const)[letter as 'A'] ?? 'modified';
      files.push({
        filename: newPath,
        ...(paired ? { previousFilename: oldPath } : {}),
        status,
        sha: letter === 'D' ? oldSha : newSha,
        additions: added === '-' ? 0 : Number(added),
        deletions: deleted === '-' ? 0 : Number(deleted),
      });
    }
    this.diffs.set(key, files);
    return files;
  }

  // ---- JSON shapes (as GitHub's description requires) ---------------------------------------------

  private get api(): string {
    return `${this.github.url}/repos/${this.fullName}`;
  }

  private get html(): string {
    return `https://github.com/${this.fullName}`;
  }

  /** Answers one page of `items` with GitHub's Link header (rel next/last/prev/first). */
  private page<T>(request: FakeRequest, items: T[], defaultPerPage: number): FakeResponse {
    const asked = Number(request.query.get('per_page') ?? defaultPerPage);
    const perPage = asked >= 1 ? Math.min(asked, 100) : defaultPerPage;
    const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number, rel: string): string => {
      const url = new URL(`${this.github.url}${request.path}`);
      for (const [name, value] of request.query) url.searchParams.set(name, value);
      url.searchParams.set('page', String(target));
      return `<${url.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(Math.min(page - 1, last), 'prev'), link(1, 'first')] : []),
    ];
    return { body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  }

  private userId(login: string): number {
    if (login === GITHUB_ACTIONS_BOT.login) return 41898282;
    return (parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16) % 90_000_000) + 10_000;
  }

  private noreplyEmail(actor: Actor): string {
    return `${this.userId(actor.login)}+${actor.login}@users.noreply.github.com`;
  }

  private simpleUser(actor: Actor): Json {
    const url = `${this.github.url}/users/${encodeURIComponent(actor.login)}`;
    return {
      login: actor.login,
      id: this.userId(actor.login),
      node_id: nodeId(actor.type === 'Bot' ? 'BOT' : 'U', actor.login),
      avatar_url: `https://avatars.githubusercontent.com/u/${this.userId(actor.login)}?v=4`,
      gravatar_id: '',
      url,
      html_url: `https://github.com/${actor.type === 'Bot' ? 'apps/' + actor.login.replace(/\[bot\]$/, '') : actor.login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: actor.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  private privateUser(actor: Actor): Json {
    const at = isoSeconds(new Date(Date.UTC(2020, 0, 1)));
    return {
      ...this.simpleUser(actor),
      name: actor.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: at,
      updated_at: at,
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
  }

  private repository(fullName: string, full: boolean): Json {
    const [owner, name] = fullName.split('/');
    const api = `${this.github.url}/repos/${fullName}`;
    const at = isoSeconds(new Date(Date.UTC(2020, 0, 1)));
    const repository: Json = {
      id: this.userId(fullName),
      node_id: nodeId('R', fullName),
      name,
      full_name: fullName,
      owner: this.simpleUser({ login: owner, type: 'User' }),
      private: false,
      html_url: `https://github.com/${fullName}`,
      description: null,
      fork: fullName !== this.fullName,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://github.com/${fullName}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.com:${fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `https://github.com/${fullName}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: `https://github.com/${fullName}`,
      homepage: null,
      language: null,
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 1,
      default_branch: this.defaultBranch,
      open_issues_count: [...this.pulls.values()].filter((pull) => pull.state === 'open').length,
      open_issues: [...this.pulls.values()].filter((pull) => pull.state === 'open').length,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      license: null,
      pushed_at: at,
      created_at: at,
      updated_at: at,
    };
    if (full) Object.assign(repository, { network_count: 0, subscribers_count: 0, allow_forking: true });
    return repository;
  }

  private pullJson(pull: PullRequestState, detailed: boolean): Json {
    const url = `${this.api}/pulls/${pull.number}`;
    const html = `${this.html}/pull/${pull.number}`;
    const side = (ref: string, sha: string, repo: string): Json => {
      const owner = repo.split('/')[0];
      return { label: `${owner}:${ref}`, ref, sha, user: this.simpleUser({ login: owner, type: 'User' }), repo: this.repository(repo, false) };
    };
    const json: Json = {
      url,
      id: 500_000_000 + pull.number,
      node_id: nodeId('PR', `${this.fullName}#${pull.number}`),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${this.api}/issues/${pull.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.api}/pulls/comments{/number}`,
      comments_url: `${this.api}/issues/${pull.number}/comments`,
      statuses_url: `${this.api}/statuses/${pull.head.sha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.simpleUser(pull.user),
      body: pull.body,
      labels: pull.labels.map((label) => this.labelJson(label)),
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.state === 'closed' ? pull.updatedAt : null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: side(pull.head.ref, pull.head.sha, pull.head.repo),
      base: side(pull.base.ref, pull.base.sha, this.fullName),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: `${this.api}/issues/${pull.number}` },
        comments: { href: `${this.api}/issues/${pull.number}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.api}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.api}/statuses/${pull.head.sha}` },
      },
      author_association: this.association(pull.user),
      auto_merge: null,
      draft: pull.draft,
    };
    if (!detailed) return json;
    // Only the single-pull answer carries counts; changed_files is the true total, past the 3,000 listed.
    const files = this.pullFiles(pull);
    const mergeBase = this.tryRun(['merge-base', pull.base.sha, pull.head.sha]) ?? pull.base.sha;
    return {
      ...json,
      merged: false,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: this.commentsOn(pull.number).length,
      review_comments: 0,
      maintainer_can_modify: pull.head.repo !== this.fullName,
      commits: Number(this.git('rev-list', '--count', `${mergeBase}..${pull.head.sha}`)),
      additions: files.reduce((sum, file) => sum + file.additions, 0),
      deletions: files.reduce((sum, file) => sum + file.deletions, 0),
      changed_files: files.length,
    };
  }

  private issueJson(pull: PullRequestState): Json {
    const url = `${this.api}/issues/${pull.number}`;
    return {
      id: 600_000_000 + pull.number,
      node_id: nodeId('PR', `${this.fullName}#${pull.number}`),
      url,
      repository_url: this.api,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.html}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state,
      state_reason: null,
      title: pull.title,
      body: pull.body,
      user: this.simpleUser(pull.user),
      labels: pull.labels.map((label) => this.labelJson(label)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: this.commentsOn(pull.number).length,
      pull_request: {
        url: `${this.api}/pulls/${pull.number}`,
        html_url: `${this.html}/pull/${pull.number}`,
        diff_url: `${this.html}/pull/${pull.number}.diff`,
        patch_url: `${this.html}/pull/${pull.number}.patch`,
        merged_at: null,
      },
      closed_at: pull.state === 'closed' ? pull.updatedAt : null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      draft: pull.draft,
      author_association: this.association(pull.user),
    };
  }

  private labelJson(name: string): Json {
    return {
      id: this.userId(`label:${name}`),
      node_id: nodeId('LA', name),
      url: `${this.api}/labels/${encodeURIComponent(name)}`,
      name,
      description: '',
      color: 'ededed',
      default: false,
    };
  }

  private association(actor: Actor): string {
    if (actor.login.toLowerCase() === this.owner.toLowerCase()) return 'OWNER';
    const level = this.permissions.get(actor.login) ?? 'none';
    return level === 'none' || level === 'read' ? 'CONTRIBUTOR' : 'COLLABORATOR';
  }

  private commentJson(comment: IssueComment): Json {
    const counts = Object.fromEntries(
      (['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'] as const).map((content) => [
        content,
        comment.reactions.filter((reaction) => reaction.content === content).length,
      ]),
    );
    return {
      id: comment.id,
      node_id: nodeId('IC', String(comment.id)),
      url: `${this.api}/issues/comments/${comment.id}`,
      html_url: `${this.html}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.api}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.simpleUser(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: this.association(comment.user),
      performed_via_github_app: null,
      reactions: { url: `${this.api}/issues/comments/${comment.id}/reactions`, total_count: comment.reactions.length, ...counts },
    };
  }

  private reactionJson(reaction: Reaction): Json {
    return { id: reaction.id, node_id: nodeId('REA', String(reaction.id)), user: this.simpleUser(reaction.user), content: reaction.content, created_at: reaction.createdAt };
  }

  private eventJson(event: IssueEvent): Json {
    return {
      id: event.id,
      node_id: nodeId('LE', String(event.id)),
      url: `${this.api}/issues/events/${event.id}`,
      actor: this.simpleUser(event.actor),
      event: event.event,
      commit_id: null,
      commit_url: null,
      created_at: event.createdAt,
      performed_via_github_app: null,
      label: { name: event.label, color: 'ededed' },
    };
  }

  private refJson(ref: string, sha: string): Json {
    const type = this.tryRun(['cat-file', '-t', sha]) ?? 'commit';
    return {
      ref,
      node_id: nodeId('REF', ref),
      url: `${this.api}/git/${ref}`,
      object: { type, sha, url: `${this.api}/git/${type}s/${sha}` },
    };
  }

  private treeJson(sha: string, entries: TreeEntry[]): Json {
    const truncated = entries.length > TREE_ENTRIES_CAP;
    return {
      sha,
      url: `${this.api}/git/trees/${sha}`,
      tree: entries.slice(0, TREE_ENTRIES_CAP).map((entry) => ({
        path: entry.path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.size !== undefined ? { size: entry.size } : {}),
        ...(entry.type === 'commit' ? {} : { url: `${this.api}/git/${entry.type}s/${entry.sha}` }),
      })),
      truncated,
    };
  }

  private gitCommitJson(sha: string): Json {
    const info = this.readCommit(sha);
    return {
      sha,
      node_id: nodeId('C', sha),
      url: `${this.api}/git/commits/${sha}`,
      html_url: `${this.html}/commit/${sha}`,
      author: info.author,
      committer: info.committer,
      tree: { sha: info.tree, url: `${this.api}/git/trees/${info.tree}` },
      message: info.message,
      parents: info.parents.map((parent) => ({ sha: parent, url: `${this.api}/git/commits/${parent}`, html_url: `${this.html}/commit/${parent}` })),
      verification: UNSIGNED,
    };
  }

  /** The shape of repos/get-commit and of compare's commits (no files). */
  private commitJson(info: CommitInfo): Json {
    return {
      url: `${this.api}/commits/${info.sha}`,
      sha: info.sha,
      node_id: nodeId('C', info.sha),
      html_url: `${this.html}/commit/${info.sha}`,
      comments_url: `${this.api}/commits/${info.sha}/comments`,
      commit: {
        url: `${this.api}/git/commits/${info.sha}`,
        author: info.author,
        committer: info.committer,
        message: info.message,
        tree: { sha: info.tree, url: `${this.api}/git/trees/${info.tree}` },
        comment_count: 0,
        verification: UNSIGNED,
      },
      // No GitHub account is linked to the fixture's commit e-mail addresses.
      author: null,
      committer: null,
      parents: info.parents.map((parent) => ({ sha: parent, url: `${this.api}/commits/${parent}`, html_url: `${this.html}/commit/${parent}` })),
    };
  }

  private fileJson(file: DiffFile, ref: string): Json {
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
      sha: file.sha,
      filename: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${this.html}/blob/${ref}/${path}`,
      raw_url: `${this.html}/raw/${ref}/${path}`,
      contents_url: `${this.api}/contents/${path}?ref=${ref}`,
      ...(file.previousFilename !== undefined ? { previous_filename: file.previousFilename } : {}),
    };
  }

  private tick(): Date {
    this.clock += 60_000;
    return new Date(this.clock);
  }
}

interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
  size?: number;
}

interface TreeInput {
  path?: string;
  mode?: string;
  type?: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

interface CommitInput {
  message: string;
  tree: string;
  parents?: string[];
  author?: { name: string; email: string; date?: string };
  committer?: { name?: string; email?: string; date?: string };
}

// Commits made by the fake itself (fast-import, commit-tree) need no global git config.
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Fake GitHub',
  GIT_AUTHOR_EMAIL: 'noreply@github.com',
  GIT_COMMITTER_NAME: 'Fake GitHub',
  GIT_COMMITTER_EMAIL: 'noreply@github.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

// With the charset, Octokit hands the raw bytes back as a string, as it does against GitHub.
const RAW_CONTENT_TYPE = 'application/vnd.github.raw; charset=utf-8';

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseSignature(line: string): { name: string; email: string; date: string } {
  const found = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(line);
  if (!found) return { name: line, email: '', date: isoSeconds(new Date(0)) };
  return { name: found[1], email: found[2], date: isoSeconds(new Date(Number(found[3]) * 1000)) };
}

function nodeId(prefix: string, key: string): string {
  return `${prefix}_${Buffer.from(key).toString('base64url')}`;
}

/** Base64 wrapped at 60 columns with a trailing newline, as GitHub sends blob content. */
function wrapBase64(bytes: Buffer): string {
  const encoded = bytes.toString('base64');
  return encoded ? `${encoded.replace(/.{60}/g, '$&\n').replace(/\n$/, '')}\n` : '';
}

function wantsRaw(request: FakeRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(String(request.headers.accept ?? ''));
}

function checkBody(body: string): string {
  if (body.length > BODY_MAX) fail(422, 'Validation Failed', [{ resource: 'IssueComment', field: 'body', code: 'custom', message: `body is too long (maximum is ${BODY_MAX} characters)` }]);
  return body;
}

/** fast-import takes a path as the rest of the line unless it needs C-style quoting. */
function fastImportPath(path: string): string {
  return /^"|\n/.test(path) ? JSON.stringify(path) : path;
}
