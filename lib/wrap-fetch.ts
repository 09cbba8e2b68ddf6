/** Puts something under a client's requests (a sync's Retry-After gate): the client calls the fetch it returns. */
export type WrapFetch = (fetchImpl: typeof fetch) => typeof fetch;
