// Installing a Debian package the tests need when the machine lacks it: only on Linux, as root,
// with apt-get present (the machines this project is tested on); elsewhere the caller says what
// to install by hand instead of guessing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function canApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get');
}

let updated = false;
export function aptInstall(...packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  updated = true;
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}
