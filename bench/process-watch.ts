import { readdirSync, readFileSync } from "node:fs";

/** Peak resident memory (kernel's VmHWM, in MB) seen per role among this process's descendants. */
export interface ProcessPeaks {
  /** The dynamic-provider plugin process(es) the engine started (`@pulumi/pulumi/cmd/dynamic-provider`). */
  readonly providerMb: number;
  /** The Pulumi program process (`@pulumi/pulumi/cmd/run`). */
  readonly programMb: number;
}

export interface ProcessWatch {
  stop(): ProcessPeaks;
}

type Role = keyof ProcessPeaks;

/** The role of a process from its command line; undefined for the engine and the language host. */
function roleOf(cmdline: string): Role | undefined {
  if (cmdline.includes("dynamic-provider")) return "providerMb";
  if (cmdline.includes("cmd/run")) return "programMb";
  return undefined;
}

function parentOf(pid: string): number | undefined {
  try {
    // Field 4 of /proc/PID/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
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
 * peak in the last interval before a process exits can be missed. Linux only: elsewhere it reports 0.
 */
export function watchProcesses(intervalMs = 100): ProcessWatch {
  const peaks: Record<Role, number> = { providerMb: 0, programMb: 0 };
  const roles = new Map<number, Role | null>();
  const poll = (): void => {
    let pids: string[];
    try {
      pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    const parents = new Map<number, number>();
    for (const pid of pids) {
      const parent = parentOf(pid);
      if (parent !== undefined) parents.set(Number(pid), parent);
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
      return { ...peaks };
    },
  };
}
