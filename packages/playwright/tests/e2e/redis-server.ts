/**
 * A real Redis for the coordination tests: Debian's redis-server (scripts/install-system-deps.sh
 * installs it), started on a free port with nothing written to disk, stopped after. stop() and
 * start() again on the same port stand in for a Redis that goes away mid-run and comes back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

export interface RedisServer {
  port: number;
  url: string;
  /** Starts it (again) on its port, empty. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port the system has just handed out as free (the "--port 0" Redis lacks); nothing listens on it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`redis-server on port ${port} exited (${code}): ${output.trim()}`));
    });
    child.once('error', (error) =>
      reject(new Error(`cannot run redis-server (apt install redis-server): ${error.message}`)),
    );
    const started = Date.now();
    const poll = async () => {
      if (exited) return;
      if (await accepts(port)) {
        child.removeAllListeners('exit');
        resolve(child);
      } else if (Date.now() - started > 10_000) reject(new Error(`redis-server on port ${port} did not start`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  let child: ChildProcess | null = null;
  let port = 0;
  // Another process can take the free port before Redis binds it: try another.
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    child = await launch(port).catch((error: Error) => {
      if (attempt === 4 || !/in use/i.test(error.message)) throw error;
      return null;
    });
  }
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (!child) child = await launch(port);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
  return server;
}
