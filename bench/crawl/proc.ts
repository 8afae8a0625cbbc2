import { readdirSync, readFileSync } from 'node:fs';

/** Process-tree helpers over /proc (Linux): Chromium runs as child processes of this one. */

interface ProcInfo {
  pid: number;
  ppid: number;
  rssBytes: number;
  cmdline: string;
}

/** Proportional set size: shared pages (Chromium's libraries, shared memory) split across the processes that map them. */
export function pssBytes(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const PAGE = 4096;

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" of the command name: state ppid ... ; rss is field 24 (1-based).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(rest[1]);
    const rssPages = Number(rest[21]);
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      /* gone */
    }
    return { pid, ppid, rssBytes: rssPages * PAGE, cmdline };
  } catch {
    return undefined;
  }
}

/** Processes left out of every measurement (the replica: it is the website, not the crawler). */
export const excludedPids = new Set<number>();

export function processTree(root = process.pid): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const p = readProc(Number(d));
    if (p) all.push(p);
  }
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  const out: ProcInfo[] = [];
  const self = all.find((p) => p.pid === root);
  if (self) out.push(self);
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const c of children.get(pid) ?? []) {
      if (excludedPids.has(c.pid)) continue;
      out.push(c);
      stack.push(c.pid);
    }
  }
  return out;
}

/** RSS of this process plus every descendant (Chromium browser, renderers, GPU/utility processes). */
export function treeRssBytes(root = process.pid): number {
  return processTree(root).reduce((s, p) => s + p.rssBytes, 0);
}

export function treePssBytes(root = process.pid): number {
  return processTree(root).reduce((s, p) => s + pssBytes(p.pid), 0);
}

/** Samples tree RSS (sum, counts shared pages once per process) and PSS every `intervalMs`; remembers the peaks. */
export function startRssSampler(intervalMs = 200): { stop(): { rss: number; pss: number } } {
  let rss = treeRssBytes();
  let pss = treePssBytes();
  let n = 0;
  const sample = (withPss = false) => {
    rss = Math.max(rss, treeRssBytes());
    // smaps_rollup walks every mapping of a process: sample PSS less often so measuring does not slow the crawl.
    if (withPss || n++ % 5 === 0) pss = Math.max(pss, treePssBytes());
  };
  const timer = setInterval(() => sample(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample(true);
      return { rss, pss };
    },
  };
}
