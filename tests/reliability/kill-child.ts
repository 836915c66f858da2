import { spawn } from 'node:child_process';

export interface KilledRun {
  /** Every line the child printed before it was killed. */
  lines: string[];
  errors: string;
}

/**
 * Runs a TypeScript child process and kills it with SIGKILL `killAfterMs`
 * after the first line that `startsClock` accepts (so the kill lands while it
 * works, not while it starts up).
 */
export function runAndKill(script: string, args: string[], killAfterMs: number, startsClock: (line: string) => boolean = () => true): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let errors = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        if (!line) continue;
        lines.push(line);
        if (startsClock(line)) timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ lines, errors });
    });
  });
}
