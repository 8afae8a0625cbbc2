import { ConfigError } from '../../core/errors.js';
import { loadConfig } from '../../config/index.js';
import { ROLES, UserStore, checkUsername, isRole, type Role } from '../../storage/users.js';
import { hashPassword } from '../../dashboard/passwords.js';

/**
 * `leakwatch users add|remove|passwd <username>`: dashboard accounts. The password comes from
 * LEAKWATCH_PASSWORD (for scripts) or a prompt that does not echo; never from a flag, which
 * would land in shell history and the process list.
 */
export const USER_ACTIONS = ['add', 'remove', 'passwd', 'list'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export interface UsersFlags {
  /** SQLite database; else the config's storage.path; else ./data/leakwatch.db. */
  db?: string;
  config?: string;
  /** For `add` (default viewer); for `passwd`, changes the role too when given. */
  role?: string;
}

export interface UsersIo {
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

function databasePath(flags: UsersFlags): string {
  if (flags.db) return flags.db;
  if (flags.config) return loadConfig(flags.config).storage.path;
  return './data/leakwatch.db';
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string, stdin: NodeJS.ReadStream, out: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolvePrompt, rejectPrompt) => {
    out.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      out.write('\n');
      if (err) rejectPrompt(err);
      else resolvePrompt(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new ConfigError('Cancelled', 'Run the command again to set the password.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(io: Required<UsersIo>): Promise<string> {
  const fromEnv = io.env.LEAKWATCH_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!io.stdin.isTTY) {
    throw new ConfigError('No password given', 'Set LEAKWATCH_PASSWORD, or run the command in a terminal to be prompted.');
  }
  const first = await promptHidden('Password: ', io.stdin, io.stderr);
  const again = await promptHidden('Repeat password: ', io.stdin, io.stderr);
  if (first !== again) throw new ConfigError('The two passwords differ', 'Run the command again and type the same password twice.');
  return first;
}

function parseRole(role: string | undefined, fallback: Role | undefined): Role | undefined {
  if (role === undefined) return fallback;
  if (!isRole(role)) throw new ConfigError(`"${role}" is not a role`, `Use --role ${ROLES.join('|')}.`);
  return role;
}

export async function usersCommand(action: string, username: string | undefined, flags: UsersFlags, ioIn: UsersIo = {}): Promise<number> {
  const io: Required<UsersIo> = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, ...ioIn };
  if (!(USER_ACTIONS as readonly string[]).includes(action)) {
    throw new ConfigError(`Unknown users action "${action}"`, `Use one of: ${USER_ACTIONS.join(', ')}.`);
  }
  if (action !== 'list' && !username) throw new ConfigError(`\`users ${action}\` needs a user name`, `e.g. leakwatch users ${action} alice`);
  const store = new UserStore(databasePath(flags));
  try {
    switch (action as UserAction) {
      case 'list': {
        for (const u of store.listUsers()) io.stdout.write(`${u.username}\t${u.role}\t${u.createdAt}\n`);
        return 0;
      }
      case 'add': {
        const name = checkUsername(username!);
        if (store.getUser(name)) throw new ConfigError(`The user "${name}" already exists`, 'Use `leakwatch users passwd` to change the password.');
        const role = parseRole(flags.role, 'viewer')!;
        const hash = await hashPassword(await readPassword(io));
        store.addUser(name, role, hash);
        io.stdout.write(`added ${name} (${role})\n`);
        return 0;
      }
      case 'remove': {
        if (!store.removeUser(username!)) throw new ConfigError(`There is no user "${username}"`, 'List users with `leakwatch users list`.');
        io.stdout.write(`removed ${username} and ended their sessions\n`);
        return 0;
      }
      case 'passwd': {
        if (!store.getUser(username!)) throw new ConfigError(`There is no user "${username}"`, 'Add it with `leakwatch users add`.');
        const role = parseRole(flags.role, undefined);
        const hash = await hashPassword(await readPassword(io));
        store.setPasswordHash(username!, hash);
        if (role) store.setRole(username!, role);
        io.stdout.write(`password changed for ${username}${role ? ` (role ${role})` : ''}; their sessions were ended\n`);
        return 0;
      }
    }
  } finally {
    store.close();
  }
  return 2;
}
