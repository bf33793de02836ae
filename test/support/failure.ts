/** The error a call fails with; throws when it succeeds, so that a test expecting a failure cannot pass without one. */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
