import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInside } from './resolve-inside.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'edge-dev-resolve-')));
  root = join(base, 'root');
  await mkdir(join(root, 'dir'), { recursive: true });
  await writeFile(join(root, 'dir', 'file.txt'), 'x');
  await writeFile(join(base, 'outside.txt'), 'secret');
  await symlink(join(base, 'outside.txt'), join(root, 'out-existing'));
  await symlink(join(base, 'missing.txt'), join(root, 'out-missing'));
  await symlink('../..', join(root, 'dir', 'up-twice'));
  await symlink('dir', join(root, 'dir-alias'));
  await symlink(join(root, 'dir-alias', 'file.txt'), join(root, 'two-hops'));
  await symlink(join(root, 'out-missing'), join(root, 'to-out-missing'));
  await symlink('loop-b', join(root, 'loop-a'));
  await symlink('loop-a', join(root, 'loop-b'));
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe('D11 resolveInside', () => {
  it('D11 follows plain paths and links that stay inside', async () => {
    expect(await resolveInside(root, ['dir', 'file.txt'])).toEqual({ kind: 'inside', path: join(root, 'dir', 'file.txt') });
    expect(await resolveInside(root, ['two-hops'])).toEqual({ kind: 'inside', path: join(root, 'dir', 'file.txt') });
  });

  it('D11 a missing path inside the root is missing', async () => {
    expect(await resolveInside(root, ['dir', 'nope.txt'])).toEqual({ kind: 'missing' });
    expect(await resolveInside(root, ['dir', 'file.txt', 'below-a-file'])).toEqual({ kind: 'missing' });
  });

  it('D11 a link out of the root is refused whether or not its target exists (no existence oracle)', async () => {
    expect(await resolveInside(root, ['out-existing'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['out-missing'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['to-out-missing'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['dir', 'up-twice', 'outside.txt'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['dir', 'up-twice', 'missing.txt'])).toEqual({ kind: 'outside' });
  });

  it('D11 a link loop ends as missing', async () => {
    expect(await resolveInside(root, ['loop-a'])).toEqual({ kind: 'missing' });
  });
});
