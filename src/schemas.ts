import { z } from 'zod';
import { configSchema } from './config/schema.js';
import { reportSchema } from './report/report.js';

/**
 * The committed JSON Schemas, generated from the zod schemas (the single source of
 * truth): the config as a user writes it, the report as doc-sync emits it.
 */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'config.schema.json': {
      $id: 'https://github.com/doc-sync/doc-sync/blob/main/schemas/config.schema.json',
      title: 'doc-sync configuration',
      ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    },
    'report.schema.json': {
      $id: 'https://github.com/doc-sync/doc-sync/blob/main/schemas/report.schema.json',
      title: 'doc-sync JSON report (schemaVersion 1)',
      ...z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'any' }),
    },
  };
}
