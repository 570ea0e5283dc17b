import { XRAY_OPERATIONS, type XRayOperation } from '../xray/api-paths.ts';
import { connectionLost, connectionRestored } from './connection.ts';

/** An error answered by the X-Ray API (or the network), with the API's own code and message. */
export class XRayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }

  /** 4xx answers are about the request; retrying them only repeats the mistake. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

/**
 * Calls one X-Ray operation at the console's own origin (the mock server, or Vite's proxy to it).
 * Mirrors the SDK's error parsing: header `x-amzn-ErrorType`, then body `code`/`__type`.
 */
export async function callXRay<Res>(
  op: XRayOperation,
  body: object,
  signal?: AbortSignal,
): Promise<Res> {
  let res: Response;
  try {
    res = await fetch(XRAY_OPERATIONS[op], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    connectionLost();
    throw new XRayError('NetworkError', 'Cannot reach the X-Ray API. Is the server running?', 0);
  }
  connectionRestored();
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    if (res.ok)
      throw new XRayError(
        'SerializationException',
        `${op}: the API answered with invalid JSON`,
        res.status,
      );
  }
  if (!res.ok) {
    const raw =
      res.headers.get('x-amzn-ErrorType') ??
      String(json.code ?? json.__type ?? `HTTP${res.status}`);
    const code = raw.split(/[,:]/)[0]!.split('#').pop()!;
    const message = String(json.message ?? json.Message ?? res.statusText ?? 'Request failed');
    throw new XRayError(code, message, res.status);
  }
  return json as Res;
}
