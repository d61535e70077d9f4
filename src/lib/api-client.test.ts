import { api, ApiError, errorMessage } from './api-client';

/** Answers the next fetch with `response` (or fails it like a dropped connection). */
function answerWith(response: Response | 'network-error') {
  vi.spyOn(globalThis, 'fetch').mockImplementationOnce(() =>
    response === 'network-error'
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(response),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('api client', () => {
  it('returns parsed JSON on success', async () => {
    answerWith(Response.json({ value: 42 }));
    await expect(api.get<{ value: number }>('/test/ok')).resolves.toEqual({ value: 42 });
  });

  it('resolves to undefined for 204 No Content', async () => {
    answerWith(new Response(null, { status: 204 }));
    await expect(api.delete('/test/item')).resolves.toBeUndefined();
  });

  it("throws an ApiError carrying the server's status, code and message", async () => {
    answerWith(
      Response.json(
        { error: { code: 'InvalidParameter', message: "'bad name' is not a valid host name." } },
        { status: 400 },
      ),
    );
    const error: unknown = await api.post('/test/add', { name: 'bad name' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'InvalidParameter',
      message: "'bad name' is not a valid host name.",
    });
  });

  it('explains a failure whose body is not the error shape', async () => {
    answerWith(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error: unknown = await api.get('/test/proxy').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'Http502' });
    expect(errorMessage(error)).toMatch(/^GET \/test\/proxy failed: 502/);
  });

  it('refuses a successful answer that is HTML instead of JSON (an endpoint that does not exist)', async () => {
    answerWith(new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }));
    await expect(api.get('/test/html')).rejects.toMatchObject({ code: 'UnexpectedResponse' });
  });

  it('turns a network failure into a readable ApiError', async () => {
    answerWith('network-error');
    await expect(api.get('/test/down')).rejects.toMatchObject({ status: 0, code: 'NetworkError' });
  });
});
