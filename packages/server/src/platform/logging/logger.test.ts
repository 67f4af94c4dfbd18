import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, maskIdNumbersInText } from './logger';

describe('maskIdNumbersInText', () => {
  it.each([
    ['GET /api/v1/people?id=11010519491231002X', 'GET /api/v1/people?id=1101**********002X'],
    ['id 110105491231002 legacy', 'id 1101******* legacy'],
    ['order 12345 stays', 'order 12345 stays'],
  ])('%s', (input, expected) => {
    expect(maskIdNumbersInText(input)).toBe(expected);
  });
});

describe('the server logger', () => {
  it('never writes an ID number or a password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = loggerOptions('info') as Record<string, unknown>;
    const app = Fastify({ logger: { ...options, stream } });
    app.post('/echo', (request) => {
      request.log.info({ body: request.body }, 'received 11010519491231002X');
      throw new Error('bad id 11010519491231002X');
    });
    await app.inject({
      method: 'POST',
      url: '/echo?idNumber=11010519491231002X',
      payload: {
        password: 'Secret@123',
        idNumber: '11010519491231002X',
        note: 'id 11010519491231002X',
      },
    });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('1101**********002X');
    expect(log).not.toContain('11010519491231002X');
    expect(log).not.toContain('Secret@123');
  });
});
