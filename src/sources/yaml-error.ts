import type { YAMLError } from 'yaml';

/** The first line of a `yaml` error without its `at line N, column M` tail: the problem carries the line. */
export function yamlErrorText(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
