import { FakeGitHub, errorResponse } from '../support/fake-github.js';

/** A raw request, so the fake sees exactly what a careless client would send. */
async function send(fake: FakeGitHub, method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: 'token test' }) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const comment = {
  id: 1,
  node_id: 'IC_1',
  url: 'https://api.github.com/repos/o/r/issues/comments/1',
  html_url: 'https://github.com/o/r/issues/1#issuecomment-1',
  issue_url: 'https://api.github.com/repos/o/r/issues/1',
  body: 'hello',
  user: null,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
};

describe('FakeGitHub', () => {
  let fake: FakeGitHub;

  beforeEach(async () => {
    fake = await FakeGitHub.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  it('rejects and records a path no described operation has', async () => {
    const answer = await send(fake, 'GET', '/repos/o/r/branches/main/protection');
    expect(answer.status).toBe(404);
    expect(fake.problems).toEqual(['GET /repos/o/r/branches/main/protection: no described operation has this path']);
    expect(fake.requests).toMatchObject([{ method: 'GET', operationId: '' }]);
  });

  it('rejects a method the path is not described with', async () => {
    const answer = await send(fake, 'PUT', '/repos/o/r/issues/comments/5', { body: 'x' });
    expect(answer.status).toBe(404);
    expect(fake.problems).toEqual(['PUT /repos/o/r/issues/comments/5: PUT is not described for this path (described: GET, PATCH, DELETE)']);
  });

  it('rejects a body that breaks the schema before any handler runs', async () => {
    const handled: unknown[] = [];
    fake.on('issues/create-comment', (request) => {
      handled.push(request.body);
      return { status: 201, body: comment };
    });
    const missing = await send(fake, 'POST', '/repos/o/r/issues/1/comments', { text: 'hi' });
    const wrongType = await send(fake, 'POST', '/repos/o/r/issues/1/comments', { body: 5 });
    expect([missing.status, wrongType.status]).toEqual([422, 422]);
    expect(missing.body).toMatchObject({ message: 'Validation Failed' });
    expect(fake.problems).toEqual([
      "POST /repos/o/r/issues/1/comments: body must have required property 'body'",
      'POST /repos/o/r/issues/1/comments: body.body must be string',
    ]);
    expect(handled).toEqual([]);
  });

  it('checks path and query parameters by type, enum and the 100-per-page limit', async () => {
    fake.on('pulls/list', () => ({ body: [] })).on('pulls/list-files', () => ({ body: [] }));
    expect((await send(fake, 'GET', '/repos/o/r/pulls?state=open&per_page=100')).status).toBe(200);
    expect(fake.problems).toEqual([]);
    await send(fake, 'GET', '/repos/o/r/pulls?state=merged');
    await send(fake, 'GET', '/repos/o/r/pulls/1/files?per_page=500');
    await send(fake, 'GET', '/repos/o/r/pulls/one/files');
    await send(fake, 'GET', '/repos/o/r/pulls?labels=docs');
    expect(fake.problems).toEqual([
      'GET /repos/o/r/pulls: query.state must be one of ["open","closed","all"]',
      'GET /repos/o/r/pulls/1/files: query.per_page must be <= 100',
      'GET /repos/o/r/pulls/one/files: path.pull_number must be integer',
      'GET /repos/o/r/pulls: query must not have property "labels"',
    ]);
  });

  it('decodes path parameters that hold slashes and "..."', async () => {
    fake.on('git/get-ref', () => errorResponse(404, 'Not Found'));
    fake.on('repos/compare-commits-with-basehead', () => errorResponse(404, 'Not Found'));
    fake.on('repos/get-content', () => errorResponse(404, 'Not Found'));
    await send(fake, 'GET', '/repos/o/r/git/ref/heads%2Ffeature%2Fdocs');
    await send(fake, 'GET', '/repos/o/r/compare/main...feature/docs');
    await send(fake, 'GET', '/repos/o/r/contents/docs/plan%20one.md?ref=main');
    expect(fake.requests.map((request) => [request.operationId, request.params])).toEqual([
      ['git/get-ref', { owner: 'o', repo: 'r', ref: 'heads/feature/docs' }],
      ['repos/compare-commits-with-basehead', { owner: 'o', repo: 'r', basehead: 'main...feature/docs' }],
      ['repos/get-content', { owner: 'o', repo: 'r', path: 'docs/plan one.md' }],
    ]);
    expect(fake.problems).toEqual([]);
  });

  it('records requests without an authorization header and answers 401', async () => {
    fake.on('users/get-authenticated', () => errorResponse(403, 'Resource not accessible by integration'));
    const answer = await send(fake, 'GET', '/user', undefined, {});
    expect(answer.status).toBe(401);
    expect(fake.problems).toEqual(['GET /user: no authorization header']);
  });

  it('answers 400 for a described operation without a handler', async () => {
    const answer = await send(fake, 'GET', '/repos/o/r/issues/3');
    expect(answer.status).toBe(400);
    expect(fake.problems).toEqual(['GET /repos/o/r/issues/3: no handler for issues/get']);
    expect(fake.count('issues/get')).toBe(1);
  });

  it('refuses to register an operation the description lacks', () => {
    expect(() => fake.on('repos/delete', () => ({}))).toThrow('"repos/delete" is not in test/support/github-openapi.json');
  });

  it('records a handler answer that does not have the described shape', async () => {
    fake.on('issues/get-comment', () => ({ body: { ...comment, id: 'one', created_at: 'yesterday' } }));
    fake.on('issues/delete-comment', () => ({ status: 200, body: {} }));
    await send(fake, 'GET', '/repos/o/r/issues/comments/1');
    await send(fake, 'DELETE', '/repos/o/r/issues/comments/1');
    expect(fake.problems).toEqual([
      'GET /repos/o/r/issues/comments/1: response 200 of issues/get-comment.id must be integer',
      'GET /repos/o/r/issues/comments/1: response 200 of issues/get-comment.created_at must match format "date-time"',
      'DELETE /repos/o/r/issues/comments/1: response 200 of issues/delete-comment is not a described status (204)',
    ]);
    expect(() => fake.assertClean()).toThrow(/recorded 3 problem\(s\):\n- GET \/repos\/o\/r\/issues\/comments\/1: response 200/);
  });

  it('accepts GitHub-shaped errors for statuses the description leaves out', async () => {
    fake.on('issues/update-comment', () => errorResponse(403, 'Resource not accessible by integration'));
    const answer = await send(fake, 'PATCH', '/repos/o/r/issues/comments/1', { body: 'x' });
    expect(answer).toEqual({ status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } });
    expect(() => fake.assertClean()).not.toThrow();
  });

  it('skips response checks when asked to', async () => {
    const lenient = await FakeGitHub.start({ validateResponses: false });
    try {
      lenient.on('issues/get-comment', () => ({ body: { id: 'one' } }));
      await send(lenient, 'GET', '/repos/o/r/issues/comments/1');
      expect(lenient.problems).toEqual([]);
    } finally {
      await lenient.close();
    }
  });
});
