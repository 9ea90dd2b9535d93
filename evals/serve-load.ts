/**
 * The load `npm run bench serve` puts on a real `govdraft serve`: closed-loop clients posting
 * /api/search. A 503 that carries Retry-After is the server asking the client to come back, not a
 * failure: the client waits as told and asks again, so it counts as `busy`, and the time until the
 * answer finally came counts in `endToEnd`. Anything else that is not a 200 is an error.
 */

/** What one load run saw, latencies in ms (sorted). */
export interface LoadFigures {
  ok: number;
  /** 503s with Retry-After (retried after the wait they named). */
  busy: number;
  /** Any other failure: another status, a 503 without Retry-After, a broken connection. */
  errors: number;
  /** Each answer, 200 or 503: how long the server took to say something. */
  answers: number[];
  /** Each 200 alone. */
  served: number[];
  /** From a search's first try to its 200, Retry-After waits included. */
  endToEnd: number[];
  /** Server-Timing stages of the 200s (queue, run, search, json). */
  stages: Record<string, number[]>;
}

export const queries = [
  '拆除违法建筑',
  '独居老人关爱服务',
  '帮困救助金额',
  '网格中心受理案件',
  '社区文化活动中心',
  '共有产权保障住房申请',
  '信访量同比下降',
  '安全生产责任书',
  '志愿服务社区',
  '二次供水改造',
];

/** The stages of a Server-Timing header: `queue;dur=1.2, run;dur=30` → {queue: 1.2, run: 30}. */
export function serverTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /^\s*([\w-]+)\s*;.*\bdur=([\d.]+)/.exec(part);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One search until it is served (retrying each 503 with Retry-After) or fails. */
async function searchOnce(url: string, query: string, figures: LoadFigures): Promise<void> {
  const first = performance.now();
  for (;;) {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/api/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, k: 5 }),
      });
      await res.arrayBuffer();
      const now = performance.now();
      const retryAfter = res.headers.get('retry-after');
      if (res.status === 503 && retryAfter !== null) {
        figures.busy++;
        figures.answers.push(now - started);
        await sleep(Number(retryAfter) * 1000);
        continue;
      }
      if (!res.ok) {
        figures.errors++;
        return;
      }
      figures.ok++;
      figures.answers.push(now - started);
      figures.served.push(now - started);
      figures.endToEnd.push(now - first);
      for (const [stage, ms] of Object.entries(serverTiming(res.headers.get('server-timing')))) {
        figures.stages[stage] ??= [];
        figures.stages[stage].push(ms);
      }
      return;
    } catch {
      figures.errors++;
      return;
    }
  }
}

/** `clients` closed-loop clients searching until `seconds` have passed. */
export async function load(url: string, clients: number, seconds: number): Promise<LoadFigures> {
  const figures: LoadFigures = {
    ok: 0,
    busy: 0,
    errors: 0,
    answers: [],
    served: [],
    endToEnd: [],
    stages: {},
  };
  const deadline = performance.now() + seconds * 1000;
  const client = async (id: number): Promise<void> => {
    for (let i = id; performance.now() < deadline; i += clients)
      await searchOnce(url, queries[i % queries.length], figures);
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  for (const list of [figures.answers, figures.served, figures.endToEnd, ...Object.values(figures.stages)])
    list.sort((a, b) => a - b);
  return figures;
}
