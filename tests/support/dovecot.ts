/**
 * A real IMAP server for the tests: Dovecot from Debian's packages, started
 * with its own configuration in a temporary folder, on free ports of
 * 127.0.0.1, as the current user (or, under root, as Dovecot's own system
 * user, since Dovecot will not run its login processes as root). Mailboxes
 * are Maildir folders the tests fill by writing files, as a delivery would.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

/** The dovecot binary, or null when it is not installed. */
export function dovecotBinary(): string | null {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Whether the IMAP tests can run. In CI Dovecot must be there (.ci/run
 * installs it): its absence fails the run instead of skipping quietly.
 */
export function dovecotAvailable(): boolean {
  if (dovecotBinary()) return true;
  if (process.env.CI) throw new Error('Dovecot is not installed, and CI must run the IMAP tests: .ci/run installs dovecot-imapd.');
  console.warn('Skipping the IMAP tests: Dovecot is not installed (apt-get install dovecot-imapd).');
  return false;
}

export interface SeedMessage {
  raw: string;
  /** Maildir flag letters: S seen, R answered, F flagged, T deleted, D draft. */
  flags?: string;
  /** The internal date (the file's time). */
  date?: Date;
}

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  /** The implicit-TLS port, when started with tls. */
  tlsPort: number;
  /** The certificate authority that signed the server's certificate (PEM), when started with tls. */
  caPem: string;
  user: string;
  password: string;
  dir: string;
  /** Puts messages in a mailbox ('INBOX', 'Sent', 'Archive', …) as files. */
  deliver(mailbox: string, messages: readonly SeedMessage[]): void;
  /** Every message file of the user, with the flags in its name: what a sync must leave as it is. */
  snapshot(): string[];
  /** Stops the server and its processes at once (a crash, or a server going down). */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The account Dovecot runs as: the current user, or Dovecot's system user under root. */
function runAs(): { name: string; group: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    return { name: me.username, group, uid: me.uid, gid: me.gid };
  }
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'dovecot');
  if (!entry) throw new Error('Running as root needs Dovecot’s system user “dovecot” (the dovecot-core package creates it).');
  const gid = Number(entry[3]);
  const group = readFileSync('/etc/group', 'utf8').split('\n').map((line) => line.split(':')).find((fields) => Number(fields[2]) === gid)?.[0] ?? 'dovecot';
  return { name: 'dovecot', group, uid: Number(entry[2]), gid };
}

function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Afterview test CA', '-keyout', 'ca.key', '-out', 'ca.crt', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'server.ext', '-out', 'server.crt');
}

/** `allMail` marks one mailbox as \All (special use), as Gmail marks "All Mail". */
function config(dir: string, account: ReturnType<typeof runAs>, port: number, tlsPort: number, allMail?: string): string {
  const tls = tlsPort > 0;
  return `# Written by tests/support/dovecot.ts for one test run (Dovecot 2.3 syntax).
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
default_internal_user = ${account.name}
default_internal_group = ${account.group}
default_login_user = ${account.name}
first_valid_uid = ${account.uid}
last_valid_uid = ${account.uid}
listen = 127.0.0.1
protocols = imap
ssl = ${tls ? 'yes' : 'no'}
${tls ? `ssl_cert = <${dir}/server.crt\nssl_key = <${dir}/server.key` : ''}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
${allMail ? `  mailbox ${allMail} {\n    special_use = \\All\n    auto = subscribe\n  }\n` : ''}}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
    ssl = yes
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
service pop3-login {
  chroot =
}
`;
}

async function waitForGreeting(port: number, deadline: number, child: ChildProcess, log: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dovecot stopped at start:\n${log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not answer on port ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let sequence = 0;

export async function startDovecot(options: { tls?: boolean; user?: string; password?: string; allMail?: string } = {}): Promise<Dovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error('Dovecot is not installed.');
  const account = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'afterview-dovecot-'));
  const user = options.user ?? 'sam';
  const password = options.password ?? `pw-${randomBytes(6).toString('hex')}`;
  const home = join(dir, 'home', user);
  for (const sub of ['run', 'state', join('home', user, 'Maildir', 'cur'), join('home', user, 'Maildir', 'new'), join('home', user, 'Maildir', 'tmp')]) mkdirSync(join(dir, sub), { recursive: true });
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : 0;
  if (options.tls) makeCertificates(dir);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${account.uid}:${account.gid}::${home}::\n`);
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, account, port, tlsPort, options.allMail));
  const chownAll = () => {
    if (userInfo().uid === 0) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dir]);
  };
  chownAll();

  const child = spawn(binary, ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: 'ignore',
    detached: true,
    ...(userInfo().uid === 0 ? { uid: account.uid, gid: account.gid } : {}),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '(no log)');
  await waitForGreeting(port, Date.now() + 15_000, child, log);

  const maildirOf = (mailbox: string) => (mailbox === 'INBOX' ? join(home, 'Maildir') : join(home, 'Maildir', `.${mailbox.replace(/\//g, '.')}`));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      // The server's whole process group: the master and the imap processes it started.
      process.kill(-child.pid, name);
    } catch {
      return;
    }
    await exited;
  };

  return {
    host: '127.0.0.1',
    port,
    tlsPort,
    caPem: options.tls ? readFileSync(join(dir, 'ca.crt'), 'utf8') : '',
    user,
    password,
    dir,
    deliver(mailbox, messages) {
      const folder = maildirOf(mailbox);
      for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(folder, sub), { recursive: true });
      if (mailbox !== 'INBOX' && !existsSync(join(folder, 'maildirfolder'))) writeFileSync(join(folder, 'maildirfolder'), '');
      for (const message of messages) {
        const name = `${Math.floor(Date.now() / 1000)}.M${++sequence}P${process.pid}.afterview`;
        const flags = [...new Set((message.flags ?? '').split(''))].sort().join('');
        const path = join(folder, 'cur', `${name}:2,${flags}`);
        writeFileSync(path, message.raw.replace(/\r?\n/g, '\r\n'));
        if (message.date) utimesSync(path, message.date, message.date);
      }
      chownAll();
    },
    snapshot() {
      const files: string[] = [];
      const walk = (folder: string, prefix: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          if (entry.isDirectory() && entry.name.startsWith('.')) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
          else if (entry.isDirectory() && (entry.name === 'cur' || entry.name === 'new')) {
            for (const file of readdirSync(join(folder, entry.name))) files.push(`${prefix}${entry.name}/${file}`);
          }
        }
      };
      walk(join(home, 'Maildir'), '');
      return files.sort();
    },
    kill: () => signal('SIGKILL'),
    async stop() {
      await signal('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
