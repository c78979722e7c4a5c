import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One HTTP request as the fake received it. */
export interface FakeRequest {
  method: string;
  /** The URL path as sent (still percent-encoded), without the query. */
  path: string;
  /** The described operation it matched; '' when it matched none. */
  operationId: string;
  /** Path parameters, percent-decoded (`ref` may hold slashes, `basehead` holds "..."). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  headers: IncomingHttpHeaders;
}

/** What a handler answers; `body` is sent as JSON unless it is a Uint8Array (sent as is). */
export interface FakeResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeGitHubOptions {
  /** Check each handler's JSON answer against the described response schema (default true). */
  validateResponses?: boolean;
  /** Record a problem and answer 401 for requests without an `authorization` header (default true). */
  requireAuthorization?: boolean;
}

/** A parameter of the pruned description (test/support/github-openapi.json). */
interface DescribedParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  'x-multi-segment'?: boolean;
  schema: JsonSchema;
}

interface DescribedOperation {
  operationId: string;
  parameters: DescribedParameter[];
  requestBody?: { required: boolean; schema: JsonSchema | null };
  /** Status → JSON schema of the body, or null when the status has no JSON body. */
  responses: Record<string, JsonSchema | null>;
}

interface Description {
  info: { version: string; source: string };
  paths: Record<string, Record<string, DescribedOperation>>;
}

type JsonSchema = { [keyword: string]: unknown };

/** A described operation with its path template compiled to a matcher. */
interface Route {
  method: string;
  template: string;
  operation: DescribedOperation;
  pattern: RegExp;
  names: string[];
  /** One character per segment (0 literal, 1 parameter, 2 multi-segment): smaller is more specific. */
  rank: string;
}

const DOCUMENTATION_URL = 'https://docs.github.com/rest';

const description = JSON.parse(readFileSync(new URL('./github-openapi.json', import.meta.url), 'utf8')) as Description;

const routes: Route[] = Object.entries(description.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, operation]) => compileRoute(template, method.toUpperCase(), operation)),
);
const operationsById = new Map(routes.map((route) => [route.operation.operationId, route.operation]));

function compileRoute(template: string, method: string, operation: DescribedOperation): Route {
  const names: string[] = [];
  let rank = '';
  const source = template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) {
        rank += '0';
        return escapeRegExp(segment);
      }
      rank += operation.parameters.some((p) => p['x-multi-segment'] && segment.includes(`{${p.name}}`)) ? '2' : '1';
      return segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (!name) return escapeRegExp(part);
          names.push(name);
          const multiSegment = operation.parameters.some((p) => p.name === name && p['x-multi-segment']);
          return multiSegment ? '(.+)' : '([^/]+)';
        })
        .join('');
    })
    .join('/');
  return { method, template, operation, pattern: new RegExp(`^${source}$`), names, rank };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- schemas -------------------------------------------------------------------------------

/**
 * GitHub's description is OpenAPI 3.0; ajv wants JSON Schema. `nullable` becomes a "null"
 * type, and `oneOf` becomes `anyOf` because GitHub's alternatives overlap (a private user
 * is also a valid public user), so real answers would match "more than one".
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') {
      result[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (key === 'oneOf') {
      result.anyOf = toJsonSchema(value);
    } else if (key !== 'nullable') {
      result[key] = toJsonSchema(value);
    }
  }
  if ((schema as JsonSchema).nullable !== true) return result;
  if (Array.isArray(result.enum)) result.enum = [...result.enum, null];
  if (typeof result.type === 'string') return { ...result, type: [result.type, 'null'] };
  return { anyOf: [result, { type: 'null' }] };
}

function createAjv(coerceTypes: boolean): Ajv {
  // strict off: GitHub's schemas list required properties they never define, which strict mode rejects.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes });
  addFormats.default(ajv);
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
  return ajv;
}

const bodyAjv = createAjv(false);
// Path and query values arrive as text; coercion checks "2" against `integer`.
const parameterAjv = createAjv(true);
const validatorsByKey = new Map<string, ValidateFunction>();
const validatorsBySchema = new Map<string, ValidateFunction>();

/**
 * Compiled lazily and shared by every fake in the worker, and once per distinct schema
 * (pulls/get, create and update answer the same one): a pull request schema takes ~0.4 s.
 */
function validatorFor(key: string, ajv: Ajv, build: () => unknown): ValidateFunction {
  let validate = validatorsByKey.get(key);
  if (!validate) {
    const schema = toJsonSchema(build());
    const text = `${ajv === bodyAjv ? 'body' : 'parameters'} ${JSON.stringify(schema)}`;
    validate = validatorsBySchema.get(text) ?? ajv.compile(schema as JsonSchema);
    validatorsBySchema.set(text, validate);
    validatorsByKey.set(key, validate);
  }
  return validate;
}

function parametersSchema(operation: DescribedOperation, location: 'path' | 'query'): JsonSchema {
  const parameters = operation.parameters.filter((p) => p.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((p) => [
        p.name,
        // GitHub documents "max 100" only in prose and silently serves 100; asking for more is a client bug.
        p.name === 'per_page' ? { ...p.schema, maximum: 100 } : p.schema,
      ]),
    ),
    required: parameters.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/** An error body shaped like GitHub's (also the shape of statuses the description leaves out). */
const GENERIC_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, status: { type: 'string' }, errors: { type: 'array' } },
};

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const messages = (errors ?? []).map((error) => {
    const at = where + error.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    if (error.keyword === 'additionalProperties') return `${at} must not have property "${String(error.params.additionalProperty)}"`;
    if (error.keyword === 'enum') return `${at} must be one of ${JSON.stringify(error.params.allowedValues)}`;
    return `${at} ${error.message ?? 'is invalid'}`;
  });
  // anyOf failures repeat themselves per alternative; a handful is enough to fix a fixture.
  return [...new Set(messages)].slice(0, 6);
}

// ---- responses ---------------------------------------------------------------------------------

/** A GitHub-shaped error answer: `{ message, documentation_url, status }` plus optional `errors`. */
export function errorResponse(status: number, message: string, errors?: Array<Record<string, unknown>>): FakeResponse {
  return { status, body: { message, documentation_url: DOCUMENTATION_URL, status: String(status), ...(errors ? { errors } : {}) } };
}

/** The operationIds the pruned description holds, in path order. */
export const DESCRIBED_OPERATIONS: readonly string[] = routes.map((route) => route.operation.operationId);

/**
 * A GitHub REST server on 127.0.0.1 that answers only operations of GitHub's official
 * description, checks every request (path, query, JSON body) and, by default, every handler
 * answer against it, and records each mismatch in `problems`. Statuses of its own refusals
 * (401, 404, 422, 400) are ones Octokit's retry plugin never retries, so a client fails at once.
 */
export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly problems: string[] = [];
  private readonly handlers = new Map<string, Handler>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: Required<FakeGitHubOptions>,
  ) {}

  /** The description's version, e.g. "23.0.2" of @octokit/openapi. */
  static readonly descriptionVersion = description.info.version;

  /** Listens on 127.0.0.1 at a free port; `url` is the base URL for Octokit (no /api/v3). */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const settings = { validateResponses: options.validateResponses ?? true, requireAuthorization: options.requireAuthorization ?? true };
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, settings);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      fake.serve(request, response).catch((error: unknown) => {
        fake.problems.push(`${request.method} ${request.url}: fake GitHub failed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(400);
        response.end();
      });
    });
    return fake;
  }

  /** Registers (or replaces) the handler of a described operation. */
  on(operationId: string, handler: Handler): this {
    if (!operationsById.has(operationId)) {
      throw new Error(`"${operationId}" is not in test/support/github-openapi.json; add it to scripts/prune-openapi.mjs`);
    }
    this.handlers.set(operationId, handler);
    return this;
  }

  /** How many requests matched this operation (valid or not). */
  count(operationId: string): number {
    return this.requests.filter((request) => request.operationId === operationId).length;
  }

  /** Throws when any request was unexpected or invalid, or any answer was off-description. */
  assertClean(): void {
    if (this.problems.length === 0) return;
    throw new Error(`fake GitHub recorded ${this.problems.length} problem(s):\n${this.problems.map((p) => `- ${p}`).join('\n')}`);
  }

  /** Forgets recorded requests and problems (handlers stay). */
  clearLog(): void {
    this.requests.length = 0;
    this.problems.length = 0;
  }

  async close(): Promise<void> {
    // fetch keeps connections alive; without this, close() waits for them to time out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const raw = await readBody(incoming);
    const method = (incoming.method ?? 'GET').toUpperCase();
    const url = new URL(incoming.url ?? '/', this.url);
    const request: FakeRequest = {
      method,
      path: url.pathname,
      operationId: '',
      params: {},
      query: url.searchParams,
      body: undefined,
      headers: incoming.headers,
    };
    this.requests.push(request);
    const answer = await this.answer(request, raw);
    send(outgoing, answer);
  }

  private async answer(request: FakeRequest, raw: Buffer): Promise<FakeResponse> {
    const label = `${request.method} ${request.path}`;
    const refuse = (detail: string, response: FakeResponse): FakeResponse => {
      this.problems.push(`${label}: ${detail}`);
      return response;
    };

    const matched = this.match(request.method, request.path);
    if ('problem' in matched) return refuse(matched.problem, errorResponse(404, 'Not Found'));
    const { route, params } = matched;
    const operation = route.operation;
    request.operationId = operation.operationId;
    request.params = params;

    if (this.options.requireAuthorization && !request.headers.authorization) {
      return refuse('no authorization header', errorResponse(401, 'Requires authentication'));
    }

    if (raw.length > 0) {
      try {
        request.body = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse('body is not JSON', errorResponse(400, 'Problems parsing JSON'));
      }
    }

    const invalid = this.validateRequest(operation, request);
    if (invalid.length > 0) {
      return refuse(invalid.join('; '), errorResponse(422, 'Validation Failed', invalid.map((message) => ({ code: 'invalid', message }))));
    }

    const handler = this.handlers.get(operation.operationId);
    if (!handler) return refuse(`no handler for ${operation.operationId}`, errorResponse(400, `fake GitHub: no handler for ${operation.operationId}`));

    let response: FakeResponse;
    try {
      response = await handler(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(`handler of ${operation.operationId} threw: ${message}`, errorResponse(400, `fake GitHub handler failed: ${message}`));
    }
    if (this.options.validateResponses) {
      for (const problem of this.validateResponse(operation, response)) this.problems.push(`${label}: ${problem}`);
    }
    return response;
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | { problem: string } {
    let best: { route: Route; params: Record<string, string> } | undefined;
    const otherMethods: string[] = [];
    for (const route of routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        otherMethods.push(route.method);
        continue;
      }
      // Like GitHub's router: a literal segment beats a parameter at the same place.
      if (best && best.route.rank <= route.rank) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1])));
      } catch {
        return { problem: 'path is not valid percent-encoding' };
      }
      best = { route, params };
    }
    if (best) return best;
    return {
      problem: otherMethods.length
        ? `${method} is not described for this path (described: ${[...new Set(otherMethods)].join(', ')})`
        : 'no described operation has this path',
    };
  }

  private validateRequest(operation: DescribedOperation, request: FakeRequest): string[] {
    const id = operation.operationId;
    const problems: string[] = [];
    const validatePath = validatorFor(`${id} path`, parameterAjv, () => parametersSchema(operation, 'path'));
    if (!validatePath({ ...request.params })) problems.push(...formatErrors('path', validatePath.errors));

    const query: Record<string, string> = {};
    for (const [name, value] of request.query) {
      if (name in query) problems.push(`query.${name} is given more than once`);
      query[name] = value;
    }
    const validateQuery = validatorFor(`${id} query`, parameterAjv, () => parametersSchema(operation, 'query'));
    if (!validateQuery(query)) problems.push(...formatErrors('query', validateQuery.errors));

    const described = operation.requestBody;
    if (request.body === undefined) {
      if (described?.required) problems.push('body is required');
    } else if (!described?.schema) {
      problems.push(`${id} takes no body`);
    } else {
      const validateBody = validatorFor(`${id} body`, bodyAjv, () => described.schema);
      if (!validateBody(request.body)) problems.push(...formatErrors('body', validateBody.errors));
    }
    return problems;
  }

  private validateResponse(operation: DescribedOperation, response: FakeResponse): string[] {
    const status = response.status ?? 200;
    const id = operation.operationId;
    const where = `response ${status} of ${id}`;
    if (response.body instanceof Uint8Array) return [];
    const described = operation.responses[String(status)];
    if (described === undefined && status < 400) return [`${where} is not a described status (${Object.keys(operation.responses).join(', ')})`];
    const schema = described === undefined ? GENERIC_ERROR_SCHEMA : described;
    if (schema === null) return response.body === undefined ? [] : [`${where} must have no body`];
    if (response.body === undefined) return [`${where} must have a body`];
    const validate = validatorFor(described === undefined ? 'undescribed error' : `${id} ${status}`, bodyAjv, () => schema);
    return validate(response.body) ? [] : formatErrors(where, validate.errors);
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(outgoing: ServerResponse, response: FakeResponse): void {
  const status = response.status ?? 200;
  const headers: Record<string, string> = { ...response.headers };
  let payload: Buffer | undefined;
  if (response.body instanceof Uint8Array) {
    payload = Buffer.from(response.body);
    headers['content-type'] ??= 'application/octet-stream';
  } else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  outgoing.writeHead(status, headers);
  outgoing.end(payload);
}
