import { rmSync } from 'node:fs';
import { Octokit } from '@octokit/rest';
import { FakeGitHub, errorResponse } from '../support/fake-github.js';
import { FakeRepo, commitFiles, createTempGitDir, type FakeRepoOptions } from '../support/fake-repo.js';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const where = { owner: 'acme', repo: 'plans' };

function numbered(count: number, prefix: string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/file-${String(i).padStart(4, '0')}.md`, `line ${i}\n`]));
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('FakeRepo', () => {
  let gitDir: string;
  let fake: FakeGitHub;
  let repo: FakeRepo;
  let octokit: Octokit;

  async function start(options: Partial<FakeRepoOptions> = {}): Promise<void> {
    fake = await FakeGitHub.start();
    repo = new FakeRepo(fake, { ...where, gitDir, ...options });
    octokit = new Octokit({ auth: 'test-token', baseUrl: fake.url, log: quiet });
  }

  beforeAll(() => {
    gitDir = createTempGitDir();
    commitFiles(gitDir, 'main', { 'docs/plan.md': '# Plan\n\n- one\n- two\n', 'docs/old-name.md': 'stays the same\n'.repeat(20), 'README.md': 'readme\n' });
    commitFiles(gitDir, 'feature', { 'docs/plan.md': '# Plan\n\n- one\n- three\n- four\n', 'docs/old-name.md': null, 'docs/new-name.md': 'stays the same\n'.repeat(20), 'README.md': null, 'docs/added.md': 'new\n' }, { from: 'main' });
    commitFiles(gitDir, 'many', numbered(250, 'many'), { from: 'main' });
    commitFiles(gitDir, 'huge', numbered(3500, 'huge'), { from: 'main' });
  });

  afterAll(() => rmSync(gitDir, { recursive: true, force: true }));

  afterEach(async () => {
    await fake.close();
  });

  it('lists a pull request\'s files from git, with renames, blob SHAs and line counts', async () => {
    await start();
    const pull = repo.addPull({ head: 'feature', labels: ['docs'] });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pull.number, per_page: 100 });
    expect(files.map((file) => [file.filename, file.status, file.previous_filename ?? null, file.additions, file.deletions])).toEqual([
      ['README.md', 'removed', null, 0, 1],
      ['docs/added.md', 'added', null, 1, 0],
      ['docs/new-name.md', 'renamed', 'docs/old-name.md', 0, 0],
      ['docs/plan.md', 'modified', null, 2, 1],
    ]);
    expect(files[3].sha).toBe(repo.git('rev-parse', 'feature:docs/plan.md'));
    const { data } = await octokit.rest.pulls.get({ ...where, pull_number: pull.number });
    expect(data).toMatchObject({ changed_files: 4, additions: 3, deletions: 2, commits: 1, head: { ref: 'feature', sha: pull.head.sha }, labels: [{ name: 'docs' }] });
    fake.assertClean();
  });

  it('pages 250 files over 3 pages by following the Link header', async () => {
    await start();
    const pull = repo.addPull({ head: 'many' });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pull.number, per_page: 100 });
    expect(files).toHaveLength(250);
    expect(new Set(files.map((file) => file.filename)).size).toBe(250);
    expect(fake.count('pulls/list-files')).toBe(3);
    expect(fake.requests.map((request) => request.query.get('page'))).toEqual([null, '2', '3']);
    fake.assertClean();
  });

  it('stops listing at 3,000 files while pulls.get counts all 3,500', async () => {
    await start();
    const pull = repo.addPull({ head: 'huge' });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pull.number, per_page: 100 });
    expect(files).toHaveLength(3000);
    expect(fake.count('pulls/list-files')).toBe(30);
    const beyond = await octokit.rest.pulls.listFiles({ ...where, pull_number: pull.number, per_page: 100, page: 31 });
    expect(beyond.data).toEqual([]);
    const { data } = await octokit.rest.pulls.get({ ...where, pull_number: pull.number });
    expect(data.changed_files).toBe(3500);
    fake.assertClean();
  });

  it('compares with the merge base git computes', async () => {
    await start();
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...where, basehead: 'main...feature', per_page: 1 });
    expect(data.merge_base_commit.sha).toBe(repo.git('merge-base', 'main', 'feature'));
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(data.files).toHaveLength(4);
    const commit = await octokit.rest.repos.getCommit({ ...where, ref: 'feature' });
    expect(commit.data.sha).toBe(repo.git('rev-parse', 'feature'));
    expect(await statusOf(octokit.rest.repos.getCommit({ ...where, ref: 'no-such-branch' }))).toBe(422);
    fake.assertClean();
  });

  it('serves trees and blobs with real SHAs', async () => {
    await start();
    const head = repo.git('rev-parse', 'feature');
    const { data: tree } = await octokit.rest.git.getTree({ ...where, tree_sha: head, recursive: 'true' });
    expect(tree.truncated).toBe(false);
    expect(tree.tree.map((entry) => [entry.path, entry.type])).toEqual([
      ['docs', 'tree'],
      ['docs/added.md', 'blob'],
      ['docs/new-name.md', 'blob'],
      ['docs/plan.md', 'blob'],
    ]);
    const plan = tree.tree.find((entry) => entry.path === 'docs/plan.md');
    const { data: blob } = await octokit.rest.git.getBlob({ ...where, file_sha: plan?.sha ?? '' });
    expect(Buffer.from(blob.content, 'base64').toString('utf8')).toBe('# Plan\n\n- one\n- three\n- four\n');
    expect(blob.size).toBe(plan?.size);
    const raw = await octokit.rest.git.getBlob({ ...where, file_sha: plan?.sha ?? '', mediaType: { format: 'raw' } });
    expect(raw.data).toBe('# Plan\n\n- one\n- three\n- four\n');
    const { data: top } = await octokit.rest.git.getTree({ ...where, tree_sha: head });
    expect(top.tree.map((entry) => entry.path)).toEqual(['docs']);
    expect(await statusOf(octokit.rest.git.getTree({ ...where, tree_sha: '0'.repeat(40) }))).toBe(404);
    const { data: content } = await octokit.rest.repos.getContent({ ...where, path: 'docs/plan.md', ref: 'feature' });
    expect(Buffer.from((content as { content: string }).content, 'base64').toString('utf8')).toContain('- four');
    fake.assertClean();
  });

  it('writes blobs, trees, commits and refs into the git repository', async () => {
    await start();
    repo.setBranch('fix', 'feature');
    const pull = repo.addPull({ head: 'fix' });
    const base = repo.git('rev-parse', 'fix');
    const { data: blob } = await octokit.rest.git.createBlob({ ...where, content: '# Plan\n\n- fixed\n', encoding: 'utf-8' });
    const { data: tree } = await octokit.rest.git.createTree({
      ...where,
      base_tree: repo.git('rev-parse', 'fix^{tree}'),
      tree: [
        { path: 'docs/plan.md', mode: '100644', type: 'blob', sha: blob.sha },
        { path: 'docs/added.md', mode: '100644', type: 'blob', sha: null },
        { path: 'docs/inline.md', mode: '100644', type: 'blob', content: 'inline\n' },
      ],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ ...where, message: 'Fix the plan', tree: tree.sha, parents: [base] });
    const { data: ref } = await octokit.rest.git.updateRef({ ...where, ref: 'heads/fix', sha: commit.sha });
    expect(ref.object.sha).toBe(commit.sha);
    expect(repo.git('rev-parse', 'fix')).toBe(commit.sha);
    expect(repo.git('show', 'fix:docs/plan.md')).toBe('# Plan\n\n- fixed');
    expect(repo.git('ls-tree', '-r', '--name-only', 'fix')).toBe('docs/inline.md\ndocs/new-name.md\ndocs/plan.md');
    expect(repo.git('log', '-1', '--format=%an <%ae>|%s', 'fix')).toMatch(/^octocat <\d+\+octocat@users\.noreply\.github\.com>\|Fix the plan$/);
    // A push to the head branch moves the pull request, as on GitHub.
    expect(pull.head.sha).toBe(commit.sha);
    const { data: read } = await octokit.rest.git.getCommit({ ...where, commit_sha: commit.sha });
    expect(read).toMatchObject({ message: 'Fix the plan', tree: { sha: tree.sha }, parents: [{ sha: base }] });
    const { data: created } = await octokit.rest.git.createRef({ ...where, ref: 'refs/heads/fix-copy', sha: commit.sha });
    expect(created.ref).toBe('refs/heads/fix-copy');
    expect(await statusOf(octokit.rest.git.createRef({ ...where, ref: 'refs/heads/fix-copy', sha: commit.sha }))).toBe(422);
    const { data: got } = await octokit.rest.git.getRef({ ...where, ref: 'heads/fix-copy' });
    expect(got.object.sha).toBe(commit.sha);
    fake.assertClean();
  });

  it('answers 422 to an update-ref that is not a fast forward unless forced', async () => {
    await start();
    repo.setBranch('moving', 'feature');
    const main = repo.git('rev-parse', 'main');
    const refused = octokit.rest.git.updateRef({ ...where, ref: 'heads/moving', sha: main, force: false });
    await expect(refused).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Update is not a fast forward') });
    expect(repo.git('rev-parse', 'moving')).toBe(repo.git('rev-parse', 'feature'));
    await octokit.rest.git.updateRef({ ...where, ref: 'heads/moving', sha: main, force: true });
    expect(repo.git('rev-parse', 'moving')).toBe(main);
    fake.assertClean();
  });

  it('injects a concurrent push before a write', async () => {
    await start();
    repo.setBranch('raced', 'main');
    const mine = repo.commitFiles('scratch', { 'docs/plan.md': 'mine\n' }, { from: 'main' });
    repo.beforeOperation('git/update-ref', (_request, self) => void self.commitFiles('raced', { 'docs/plan.md': 'theirs\n' }), { times: 1 });
    const raced = octokit.rest.git.updateRef({ ...where, ref: 'heads/raced', sha: mine });
    await expect(raced).rejects.toMatchObject({ status: 422 });
    expect(repo.git('show', 'raced:docs/plan.md')).toBe('theirs');
    // The hook ran once; a hook may also answer in place of the fake.
    repo.beforeOperation('pulls/get', () => errorResponse(404, 'Not Found'));
    expect(await statusOf(octokit.rest.pulls.get({ ...where, pull_number: 1 }))).toBe(404);
    fake.assertClean();
  });

  it('keeps comments, reactions and label events, paginated with Link headers', async () => {
    await start();
    const pull = repo.addPull({ head: 'feature' });
    for (let i = 0; i < 35; i += 1) repo.addComment({ issueNumber: pull.number, body: `comment ${i}`, user: { login: 'someone', type: 'User' } });
    const { data: created } = await octokit.rest.issues.createComment({ ...where, issue_number: pull.number, body: 'report' });
    expect(created.user).toMatchObject({ login: 'octocat', type: 'User' });
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: pull.number });
    expect(all).toHaveLength(36);
    expect(fake.count('issues/list-comments')).toBe(2);
    await octokit.rest.issues.updateComment({ ...where, comment_id: created.id, body: 'report v2' });
    const { data: reaction } = await octokit.rest.reactions.createForIssueComment({ ...where, comment_id: created.id, content: 'eyes' });
    expect(reaction.content).toBe('eyes');
    const { data: read } = await octokit.rest.issues.getComment({ ...where, comment_id: created.id });
    expect(read).toMatchObject({ body: 'report v2', reactions: { eyes: 1, total_count: 1 } });
    await octokit.rest.issues.deleteComment({ ...where, comment_id: created.id });
    expect(repo.commentsOn(pull.number)).toHaveLength(35);
    expect(await statusOf(octokit.rest.issues.getComment({ ...where, comment_id: created.id }))).toBe(404);
    repo.addLabelEvent({ issueNumber: pull.number, label: 'doc-sync:skip', actor: { login: 'maintainer', type: 'User' } });
    const { data: events } = await octokit.rest.issues.listEvents({ ...where, issue_number: pull.number });
    expect(events).toMatchObject([{ event: 'labeled', label: { name: 'doc-sync:skip' }, actor: { login: 'maintainer' } }]);
    const { data: issue } = await octokit.rest.issues.get({ ...where, issue_number: pull.number });
    expect(issue.labels).toMatchObject([{ name: 'doc-sync:skip' }]);
    fake.assertClean();
  });

  it('reports collaborator permissions as GitHub does', async () => {
    await start();
    repo.permissions.set('maintainer', 'maintain').set('triager', 'triage');
    const level = async (username: string) => (await octokit.rest.repos.getCollaboratorPermissionLevel({ ...where, username })).data;
    expect(await level('maintainer')).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect(await level('triager')).toMatchObject({ permission: 'read', role_name: 'triage' });
    expect(await level('stranger')).toMatchObject({ permission: 'none' });
    fake.assertClean();
  });

  it('creates, finds and updates pull requests', async () => {
    await start();
    const { data: created } = await octokit.rest.pulls.create({ ...where, head: 'feature', base: 'main', title: 'Plans' });
    expect(await statusOf(octokit.rest.pulls.create({ ...where, head: 'feature', base: 'main', title: 'Again' }))).toBe(422);
    const { data: found } = await octokit.rest.pulls.list({ ...where, head: 'acme:feature', state: 'open' });
    expect(found.map((pull) => pull.number)).toEqual([created.number]);
    expect((await octokit.rest.pulls.list({ ...where, head: 'acme:other' })).data).toEqual([]);
    const { data: updated } = await octokit.rest.pulls.update({ ...where, pull_number: created.number, body: 'summary', state: 'closed' });
    expect(updated).toMatchObject({ body: 'summary', state: 'closed' });
    const { data: repository } = await octokit.rest.repos.get(where);
    expect(repository.default_branch).toBe('main');
    fake.assertClean();
  });

  it('serves a fork pull request whose head lives only under refs/pull', async () => {
    await start();
    const pull = repo.addPull({ head: 'patch-1', headSha: repo.git('rev-parse', 'feature'), headRepo: 'contributor/plans' });
    const { data } = await octokit.rest.pulls.get({ ...where, pull_number: pull.number });
    expect(data.head).toMatchObject({ label: 'contributor:patch-1', repo: { full_name: 'contributor/plans', fork: true } });
    expect(data.changed_files).toBe(4);
    expect(repo.git('rev-parse', `refs/pull/${pull.number}/head`)).toBe(pull.head.sha);
    fake.assertClean();
  });

  it('acts as a GITHUB_TOKEN: no GET /user, writes by github-actions[bot]', async () => {
    await start({ identity: 'installation' });
    const pull = repo.addPull({ head: 'feature' });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration') });
    const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: pull.number, body: 'report' });
    expect(data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    fake.assertClean();
  });

  it('refuses every write with a read-only token, and still reads', async () => {
    await start({ readOnly: true, identity: { login: 'octocat', type: 'User' } });
    const pull = repo.addPull({ head: 'feature' });
    await expect(octokit.rest.issues.createComment({ ...where, issue_number: pull.number, body: 'report' })).rejects.toMatchObject({ status: 403 });
    expect(await statusOf(octokit.rest.git.createBlob({ ...where, content: 'x' }))).toBe(403);
    expect(repo.comments).toEqual([]);
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('octocat');
    fake.assertClean();
  });

  it('answers 404 for another repository', async () => {
    await start();
    expect(await statusOf(octokit.rest.repos.get({ owner: 'acme', repo: 'elsewhere' }))).toBe(404);
    fake.assertClean();
  });
});
