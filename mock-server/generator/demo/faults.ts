import type { ExceptionDoc, StackFrame } from '../../../src/xray/types.ts';
import { newId } from '../ids.ts';
import type { Rng } from '../random.ts';

/** Exceptions with stack frames shaped like the SDKs of each runtime record them. */

export type Runtime = 'node' | 'java' | 'python';

/** `label@path:line` shorthand keeps the frame tables below readable. */
function frames(spec: readonly string[]): StackFrame[] {
  return spec.map((s) => {
    const [label, rest = ''] = s.split('@');
    const [path, line] = rest.split(':');
    return line === undefined ? { path, label } : { path, line: Number(line), label };
  });
}

const NODE_HTTP_TAIL = [
  'processTicksAndRejections@node:internal/process/task_queues:95',
  'async Promise.all (index 0)@node',
];

export function exception(
  rng: Rng,
  type: string,
  message: string,
  stack: readonly string[],
  extra: Partial<ExceptionDoc> = {},
): ExceptionDoc {
  return { id: newId(rng), type, message, stack: frames(stack), ...extra };
}

/** The error an HTTP client raises when a downstream service answers 5xx. */
export function downstreamError(
  rng: Rng,
  runtime: Runtime,
  target: string,
  status: number,
  cause?: string,
) {
  const stack =
    runtime === 'java'
      ? [
          'org.springframework.web.client.DefaultResponseErrorHandler.handleError@DefaultResponseErrorHandler.java:186',
          'org.springframework.web.client.RestTemplate.doExecute@RestTemplate.java:819',
        ]
      : runtime === 'python'
        ? ['raise_for_status@requests/models.py:1021', 'get_json@app/clients.py:44']
        : ['fetchJson@src/lib/http-client.ts:58', ...NODE_HTTP_TAIL];
  return exception(rng, 'HTTPError', `${status} from ${target}`, stack, {
    remote: true,
    ...(cause ? { cause } : {}),
  });
}

export function nodeFrames(...spec: string[]): string[] {
  return [...spec, ...NODE_HTTP_TAIL];
}
