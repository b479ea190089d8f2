import { request as httpRequest } from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): any;
}

/** One HTTP request to a loopback server; `body` may be given in chunks (sent chunked, with no Content-Length). */
export function http(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | string[] } = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    // A string body is sent with its Content-Length; chunks are sent chunked.
    const length = typeof options.body === 'string' ? { 'content-length': String(Buffer.byteLength(options.body)) } : {};
    const req = httpRequest(new URL(path, base), { method, headers: { ...length, ...options.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const { body } = options;
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

export const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
export const ndjson = (body: string | string[]) => ({ headers: { 'content-type': 'application/x-ndjson' }, body });
