import { readdirSync, readFileSync } from "node:fs";

/** Peak resident memory (kernel's VmHWM, in MB) seen per role among this process's descendants, and their CPU. */
export interface ProcessPeaks {
  /** The dynamic-provider plugin process(es) the engine started (`@pulumi/pulumi/cmd/dynamic-provider`). */
  readonly providerMb: number;
  /** The Pulumi program process (`@pulumi/pulumi/cmd/run`). */
  readonly programMb: number;
  /** User + system CPU of the dynamic-provider process(es), in ms, as last seen before they exited. */
  readonly providerCpuMs: number;
  /**
   * User + system CPU of every descendant (engine, language host, program, provider), in ms, as last
   * seen. Less sensitive to a busy machine than wall time: what the command cost, not how long it waited.
   */
  readonly allCpuMs: number;
}

export interface ProcessWatch {
  stop(): ProcessPeaks;
}

type Role = "providerMb" | "programMb";

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The role of a process from its command line; undefined for the engine and the language host. */
function roleOf(cmdline: string): Role | undefined {
  if (cmdline.includes("dynamic-provider")) return "providerMb";
  if (cmdline.includes("cmd/run")) return "programMb";
  return undefined;
}

/** Parent pid and CPU ms (utime + stime) from /proc/PID/stat. */
function statOf(pid: string): { parent: number; cpuMs: number } | undefined {
  try {
    // Fields after the command name in parentheses (which may hold spaces): state, ppid, ... utime (14), stime (15).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { parent: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function peakKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/**
 * Polls /proc every `intervalMs` for the descendants of this process and keeps each role's highest
 * VmHWM. VmHWM is the kernel's own high-water mark, so a poll after the peak still sees it; only a
 * peak in the last interval before a process exits can be missed, and likewise CPU spent in a
 * process's last interval. Linux only: elsewhere it reports 0.
 */
export function watchProcesses(intervalMs = 100): ProcessWatch {
  const peaks: Record<Role, number> = { providerMb: 0, programMb: 0 };
  const roles = new Map<number, Role | null>();
  // Last CPU seen per descendant: a process's CPU only grows, so the last poll before it exits is the closest.
  const cpu = new Map<number, number>();
  const poll = (): void => {
    let pids: string[];
    try {
      pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    const parents = new Map<number, number>();
    const cpuNow = new Map<number, number>();
    for (const pid of pids) {
      const stat = statOf(pid);
      if (stat === undefined) continue;
      parents.set(Number(pid), stat.parent);
      cpuNow.set(Number(pid), stat.cpuMs);
    }
    const isDescendant = (pid: number): boolean => {
      for (let current = parents.get(pid), depth = 0; current !== undefined && depth < 16; depth++) {
        if (current === process.pid) return true;
        current = parents.get(current);
      }
      return false;
    };
    for (const pid of parents.keys()) {
      if (!isDescendant(pid)) continue;
      cpu.set(pid, cpuNow.get(pid) ?? 0);
      let role = roles.get(pid);
      if (role === undefined) {
        role = roleOf(cmdlineOf(pid)) ?? null;
        roles.set(pid, role);
      }
      if (role !== null) peaks[role] = Math.max(peaks[role], peakKb(pid) / 1024);
    }
  };
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      poll();
      let allCpuMs = 0;
      let providerCpuMs = 0;
      for (const [pid, ms] of cpu) {
        allCpuMs += ms;
        if (roles.get(pid) === "providerMb") providerCpuMs += ms;
      }
      return { ...peaks, allCpuMs, providerCpuMs };
    },
  };
}
