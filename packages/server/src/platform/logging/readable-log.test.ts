import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';
import { readableLine } from './readable-log';

describe('the readable console', () => {
  it('writes one short line per event, never JSON, and leaves routine request lines out', async () => {
    const lines: string[] = [];
    const terminal = { write: (text: string) => lines.push(text) };
    const app = Fastify({ logger: loggerOptions('info', terminal) });
    app.get('/ok', () => ({ ok: true }));
    app.get('/id', (request) => {
      request.log.warn({ deliveryId: 'd1', attempts: 2 }, 'seen 11010519491231002X');
      return {};
    });
    await app.inject({ method: 'GET', url: '/ok' });
    await app.inject({ method: 'GET', url: '/id' });
    await app.close();
    const out = lines.join('');
    expect(out).not.toMatch(/^\{/m);
    expect(out).not.toContain('incoming request');
    expect(out).not.toContain('request completed');
    expect(out).toMatch(
      /^\d\d:\d\d:\d\d WARN {2}seen 1101\*{10}002X \(deliveryId=d1, attempts=2\)$/m,
    );
    expect(out).not.toContain('11010519491231002X');
  });

  it.each([
    ['{"level":30,"time":0,"msg":"Server listening at http://127.0.0.1:3000"}', null],
    ['{"level":30,"time":0,"code":"unauthenticated","status":401,"msg":"request rejected"}', null],
    [
      '{"level":50,"time":0,"msg":"request failed","err":{"message":"boom","stack":"Error: boom"}}',
      /^\d\d:\d\d:\d\d ERROR request failed\nError: boom$/,
    ],
    [
      '{"level":40,"time":0,"pid":1,"hostname":"vm","msg":"careful"}',
      /^\d\d:\d\d:\d\d WARN {2}careful$/,
    ],
    ['not json', /^not json$/],
  ])('%s', (json, expected) => {
    const line = readableLine(json);
    if (expected === null) expect(line).toBeNull();
    else expect(line).toMatch(expected);
  });
});
