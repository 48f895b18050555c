// Starting, watching and stopping the servers the bench measures. Each runs in its own process
// group, so stopping it stops everything it started (npm, tsx and the node process under them),
// on a normal exit, on an error and on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { BenchError, send } from "./load";

export type Server = { name: string; url: string; port: number; logFile: string; child: ChildProcess };

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

// Whatever way the bench ends, its servers end with it.
process.on("exit", () => running.forEach((child) => killGroup(child, "SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    console.error(`\nInterrupted (${signal}): stopping the bench's servers.`);
    process.exit(130);
  });

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command` with `env` and waits until GET `healthPath` answers 200; fails (with the end
 * of the server's log) if it exits or isn't up within `timeoutMs`.
 */
export async function startServer(o: {
  name: string;
  command: string;
  args: string[];
  port: number;
  env: Record<string, string>;
  logFile: string;
  healthPath?: string;
  timeoutMs?: number;
}): Promise<Server> {
  const log = openSync(o.logFile, "w");
  const child = spawn(o.command, o.args, {
    env: { ...process.env, ...o.env, PORT: String(o.port) },
    stdio: ["ignore", log, log],
    detached: true,
  });
  running.add(child);
  const url = `http://localhost:${o.port}`;
  const server = { name: o.name, url, port: o.port, logFile: o.logFile, child };
  const deadline = Date.now() + (o.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) break;
    if ((await send({ url: url + (o.healthPath ?? "/healthz"), timeoutMs: 2000 })).ok) return server;
    await sleep(200);
  }
  await stopServer(server);
  const tail = readFileSync(o.logFile, "utf8").split("\n").slice(-15).join("\n");
  throw new BenchError(`The ${o.name} did not come up on port ${o.port} (${o.command} ${o.args.join(" ")}). Its log:\n${tail}`);
}

/** SIGTERM to the whole group, SIGKILL after five seconds. */
export async function stopServer(server: Server) {
  const { child } = server;
  if (child.exitCode === null && !child.signalCode) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child, "SIGTERM");
    await Promise.race([exited, sleep(5000)]);
  }
  killGroup(child, "SIGKILL");
  running.delete(child);
}

/**
 * Resident memory, in MB, of the process in the server's group that listens on its port: the
 * server itself, not npm or tsx in front of it. Null where /proc can't tell (not Linux).
 */
export function residentMb(server: Server): number | null {
  try {
    const pid = listenerPid(server);
    if (!pid) return null;
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

function listenerPid(server: Server): number | null {
  const port = server.port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is ip:PORT in hex; state 0A is LISTEN; column 9 is the socket's inode.
      if (cols[1]?.endsWith(`:${port}`) && cols[3] === "0A" && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const pid of groupMembers(server.child.pid!)) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "")) return pid;
      }
    } catch {
      /* exited meanwhile */
    }
  }
  return null;
}

function groupMembers(groupId: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        // Fields after the command name (which may hold spaces) start at ") ": state, ppid, pgrp.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === groupId;
      } catch {
        return false;
      }
    })
    .map(Number);
}
