/**
 * Reads a request body of at most `limit` bytes: a declared Content-Length above it is refused before a
 * byte is read, and a body that grows past it is cut off; either is a 413. Only JSON is taken (a 415
 * otherwise): a cross-site form cannot send application/json without a CORS preflight, which this server
 * never grants.
 */
import type { IncomingMessage } from 'node:http';

/** A body the server refuses, with its status. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The parsed JSON body of `req`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new BodyError(415, 'send the question as Content-Type: application/json');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new BodyError(413, `the body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, `the body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new BodyError(400, 'the body is empty; send { "filters": {...}, "k": n }');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new BodyError(400, `the body is not valid JSON: ${why.slice(0, 200)}`);
  }
}
