import type { CDPSession } from '@playwright/test';

/**
 * A Chromium trace of one page, and what the bench reads from it: the page's main thread, the
 * tasks it ran, and how much of each was the extension's script. The Long Tasks API cannot tell
 * this: it leaves out tasks spent in a content script's isolated world, the very ones we look for.
 */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: what the thread actually ran, without the time other processes had the CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; message?: string } };
}

/** Top-level tasks and script calls: enough to attribute a task's time, little enough to trace cheaply. */
const CATEGORIES = ['toplevel', 'devtools.timeline'];

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

export interface TaskSummary {
  /** Tasks over 50 ms on the page's main thread, in the window. */
  longTasks: number;
  /** Of those, the ones that would have been under 50 ms without the extension's script in them. */
  longTasksFromExtension: number;
  /** The same two counts in thread time, which a busy machine does not inflate. */
  longTasksCpu: number;
  longTasksFromExtensionCpu: number;
  /** The longest task, ms. */
  longestTaskMs: number;
  /** Time in the extension's script on the page's main thread, ms (calls it made included), wall and thread time. */
  extensionMs: number;
  extensionCpuMs: number;
  /** Calls into the extension's script in the window (observer callbacks, scans). */
  extensionCalls: number;
  /** Each task over 50 ms (wall) that would not have been without the extension: its length and the extension's part, ms. */
  extensionLongTasks: { taskMs: number; extensionMs: number }[];
}

const LONG_TASK_US = 50_000;

/**
 * Reads a trace of one page between two console.timeStamp marks. The page's main thread is the
 * one that ran `pageScript` (a script only the page has).
 */
export function summarise(events: readonly TraceEvent[], pageScript: string, startMark: string, endMark: string): TaskSummary {
  const own = events.find((e) => e.name === 'FunctionCall' && e.args?.data?.url === pageScript);
  if (!own) throw new Error(`trace: no call into ${pageScript}; cannot tell the page's main thread`);
  const onThread = events.filter((e) => e.pid === own.pid && e.tid === own.tid);
  const mark = (message: string) => onThread.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message)?.ts;
  const start = mark(startMark);
  const end = mark(endMark);
  if (start === undefined || end === undefined) throw new Error('trace: the bench marks are missing');
  const inWindow = (e: TraceEvent) => e.ts >= start && e.ts + (e.dur ?? 0) <= end;

  // Outermost calls into the extension's scripts (a call inside another is already counted).
  const calls = onThread
    .filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://') && inWindow(e))
    .sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  for (const call of calls) {
    const last = outer.at(-1);
    if (!last || call.ts >= last.ts + (last.dur ?? 0)) outer.push(call);
  }
  const total = (list: readonly TraceEvent[], key: 'dur' | 'tdur') => list.reduce((sum, e) => sum + (e[key] ?? e.dur ?? 0), 0);

  const tasks = onThread.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && inWindow(e));
  const count = { long: 0, fromExtension: 0, longCpu: 0, fromExtensionCpu: 0 };
  const details: { taskMs: number; extensionMs: number }[] = [];
  let longest = 0;
  for (const task of tasks) {
    longest = Math.max(longest, task.dur ?? 0);
    const inside = outer.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0));
    for (const key of ['dur', 'tdur'] as const) {
      const duration = task[key] ?? task.dur ?? 0;
      if (duration <= LONG_TASK_US) continue;
      const withoutExtension = duration - total(inside, key);
      if (key === 'dur') {
        count.long++;
        if (withoutExtension <= LONG_TASK_US) {
          count.fromExtension++;
          details.push({ taskMs: duration / 1000, extensionMs: total(inside, key) / 1000 });
        }
      } else {
        count.longCpu++;
        if (withoutExtension <= LONG_TASK_US) count.fromExtensionCpu++;
      }
    }
  }
  return {
    longTasks: count.long,
    longTasksFromExtension: count.fromExtension,
    longTasksCpu: count.longCpu,
    longTasksFromExtensionCpu: count.fromExtensionCpu,
    longestTaskMs: longest / 1000,
    extensionMs: total(outer, 'dur') / 1000,
    extensionCpuMs: total(outer, 'tdur') / 1000,
    extensionCalls: outer.length,
    extensionLongTasks: details,
  };
}
