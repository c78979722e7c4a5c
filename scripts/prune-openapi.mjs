// Writes test/support/github-openapi.json: the operations doc-sync calls, cut from GitHub's official
// REST description (@octokit/openapi, dereferenced). The fake GitHub in test/support validates every
// request and response against it. Deterministic: re-running with the same package gives identical bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const OUTPUT = 'test/support/github-openapi.json';

const OPERATIONS = [
  'users/get-authenticated',
  'repos/get',
  'repos/get-commit',
  'repos/compare-commits-with-basehead',
  'repos/get-collaborator-permission-level',
  'repos/get-content',
  'pulls/get',
  'pulls/list',
  'pulls/create',
  'pulls/update',
  'pulls/list-files',
  'git/get-tree',
  'git/get-blob',
  'git/create-blob',
  'git/create-tree',
  'git/create-commit',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/get-commit',
  'issues/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/list-events',
  'issues/get-comment',
  'reactions/create-for-issue-comment',
];

// Only keywords that change what validates; documentation (description, example, title, default,
// deprecated, x-*) would triple the size and never affect a test.
const SCHEMA_KEYWORDS = new Set([
  'type', 'format', 'nullable', 'enum', 'const', 'required', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems',
  'uniqueItems', 'minProperties', 'maxProperties',
]);
const SUBSCHEMA = new Set(['items', 'not']);
const SUBSCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);

function pruneSchema(schema) {
  const pruned = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_KEYWORDS.has(key)) pruned[key] = value;
    else if (SUBSCHEMA.has(key)) pruned[key] = pruneSchema(value);
    else if (SUBSCHEMA_LISTS.has(key)) pruned[key] = value.map(pruneSchema);
    else if (key === 'additionalProperties') pruned[key] = typeof value === 'boolean' ? value : pruneSchema(value);
    else if (key === 'properties') {
      pruned[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, pruneSchema(sub)]));
    }
  }
  return pruned;
}

function jsonSchemaOf(content) {
  const json = content?.['application/json'];
  return json?.schema ? pruneSchema(json.schema) : null;
}

function pruneOperation(operation) {
  const pruned = { operationId: operation.operationId };
  pruned.parameters = (operation.parameters ?? []).map((parameter) => ({
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    // Path parameters GitHub lets contain slashes (refs, file paths, "base...head").
    ...(parameter['x-multi-segment'] ? { 'x-multi-segment': true } : {}),
    schema: pruneSchema(parameter.schema ?? {}),
  }));
  if (operation.requestBody) {
    pruned.requestBody = { required: operation.requestBody.required === true, schema: jsonSchemaOf(operation.requestBody.content) };
  }
  pruned.responses = Object.fromEntries(
    Object.entries(operation.responses).map(([status, response]) => [status, jsonSchemaOf(response.content)]),
  );
  return pruned;
}

// Indented down to each parameter and response, compact below: a diff names the operation and status
// that changed, at half the size of full indentation.
const EXPANDED_DEPTH = 5;
function stringify(value, depth) {
  if (depth >= EXPANDED_DEPTH || value === null || typeof value !== 'object') return JSON.stringify(value);
  const indent = ' '.repeat(depth + 1);
  const entries = Array.isArray(value)
    ? value.map((item) => stringify(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${stringify(item, depth + 1)}`);
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${indent}${entries.join(`,\n${indent}`)}\n${' '.repeat(depth)}${close}`;
}

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@octokit/openapi/package.json'));
const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const source = JSON.parse(readFileSync(join(packageDir, 'generated/api.github.com.deref.json'), 'utf8'));

const wanted = new Set(OPERATIONS);
const paths = {};
for (const [path, item] of Object.entries(source.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!wanted.has(operation?.operationId)) continue;
    (paths[path] ??= {})[method] = pruneOperation(operation);
    wanted.delete(operation.operationId);
  }
}
if (wanted.size > 0) {
  console.error(`not in the description: ${[...wanted].join(', ')}`);
  process.exit(1);
}

const sortedPaths = Object.fromEntries(Object.keys(paths).sort().map((path) => [path, paths[path]]));
const description = {
  openapi: source.openapi,
  info: {
    title: 'GitHub REST API, pruned for the doc-sync fake GitHub (generated by scripts/prune-openapi.mjs; do not edit)',
    version: source.info.version,
    source: `@octokit/openapi@${packageVersion} generated/api.github.com.deref.json`,
  },
  paths: sortedPaths,
};
const text = `${stringify(description, 0)}\n`;
writeFileSync(OUTPUT, text);

for (const [path, item] of Object.entries(sortedPaths)) {
  for (const [method, operation] of Object.entries(item)) console.log(`${operation.operationId.padEnd(42)} ${method.toUpperCase().padEnd(6)} ${path}`);
}
console.log(`wrote ${OUTPUT}: ${OPERATIONS.length} operations, ${Buffer.byteLength(text)} bytes`);
