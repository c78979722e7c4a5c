import * as core from '@actions/core';

/** Where an annotation points. */
export interface AnnotationTarget {
  title: string;
  file?: string;
  startLine?: number;
}

/**
 * The Actions runtime as the action uses it: inputs, outputs, log, annotations,
 * job summary and exit status. One implementation wraps @actions/core; tests record.
 */
export interface ActionRuntime {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  annotate(level: 'error' | 'warning' | 'notice', message: string, target?: AnnotationTarget): void;
  /** Appends Markdown to the job summary; false when the runner gave none. */
  writeSummary(markdown: string): Promise<boolean>;
  setFailed(message: string): void;
}

export function actionsRuntime(): ActionRuntime {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    info: (message) => core.info(message),
    annotate(level, message, target) {
      const properties = target ? { title: target.title, file: target.file, startLine: target.startLine } : undefined;
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return false;
      await core.summary.addRaw(markdown, true).write();
      core.summary.emptyBuffer();
      return true;
    },
    setFailed: (message) => core.setFailed(message),
  };
}
