import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendUnavailable } from './unavailable.ts';

/**
 * Load shedding for requests that use the database: at most `maxConcurrent` run at once, the next
 * `maxQueued` wait in arrival order (FIFO) for at most `maxWaitMs`, and the rest are told 503 with
 * `Retry-After` at once. Without it, 100 concurrent clients on a slow page each wait behind everyone
 * (some 20 s and more); with it a request is either answered within about the queue wait plus its own
 * time, or refused quickly so a client or a load balancer can go elsewhere.
 */
export interface AdmissionLimits {
  /** Requests running at once; 0 turns admission control off. */
  maxConcurrent: number;
  maxQueued: number;
  maxWaitMs: number;
}

export class Overloaded extends Error {
  constructor(
    readonly reason: 'queue_full' | 'queue_timeout' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

interface Waiter {
  grant: () => void;
  refuse: (e: Overloaded) => void;
  timer: NodeJS.Timeout;
}

export class AdmissionQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  shed = 0;

  constructor(readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once the request may run; rejects with Overloaded. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running < this.limits.maxConcurrent && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.limits.maxQueued) {
      this.shed++;
      return Promise.reject(new Overloaded('queue_full', 'The server is busy, try again shortly'));
    }
    return new Promise((resolve, reject) => {
      const leave = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        clearTimeout(waiter.timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        reject(new Overloaded('cancelled', 'The client went away'));
      };
      const waiter: Waiter = {
        grant: () => {
          leave();
          this.running++;
          resolve(this.releaser());
        },
        refuse: (e) => {
          leave();
          this.shed++;
          reject(e);
        },
        timer: setTimeout(
          () =>
            waiter.refuse(
              new Overloaded(
                'queue_timeout',
                `The server is busy (waited ${this.limits.maxWaitMs} ms), try again shortly`,
              ),
            ),
          this.limits.maxWaitMs,
        ),
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      // The oldest waiter goes next.
      if (this.running < this.limits.maxConcurrent) this.waiting[0]?.grant();
    };
  }
}

// Health checks, static files (the client bundle, map geometry) and the API description do not touch
// the database, so they are never queued: a load balancer must see /healthz even under load.
const BYPASS = /^\/(healthz|readyz|geo\/|assets\/|api\/docs|api\/openapi\.json|favicon)/;

export function needsDatabase(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  if (BYPASS.test(path)) return false;
  // Files of the built client (main.js, robots.txt…); the API's own files (.ics, .pdf) do use the database.
  if (!path.startsWith('/api/') && /\.[a-z0-9]{1,8}$/i.test(path)) return false;
  return true;
}

export function registerAdmission(app: FastifyInstance, limits: AdmissionLimits): AdmissionQueue | null {
  if (limits.maxConcurrent <= 0) return null;
  const queue = new AdmissionQueue(limits);
  const retryAfter = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
  app.addHook('onRequest', async (req, reply) => {
    if (!needsDatabase(req)) return;
    let release: (() => void) | null = null;
    let done = false;
    const cancel = new AbortController();
    // 'close' comes once the answer is sent, or when the client leaves first (then a waiter leaves the queue).
    reply.raw.once('close', () => {
      done = true;
      cancel.abort();
      release?.();
    });
    try {
      release = await queue.acquire(cancel.signal);
      if (done) release();
    } catch (e) {
      if (!(e instanceof Overloaded)) throw e;
      return sendUnavailable(reply, e.message, retryAfter, {
        reason: e.reason,
        inFlight: queue.inFlight,
        queued: queue.queued,
      });
    }
  });
  return queue;
}
