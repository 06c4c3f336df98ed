// Astro's command line with telemetry off, from any shell. An npm script cannot set an environment
// variable in a way both POSIX shells and Windows' (cmd.exe, PowerShell) accept: "VAR=1 astro build"
// fails on a Windows laptop. So the scripts run `node scripts/astro.mjs build`, and leading NAME=value
// arguments (`BASE_PATH=/stro/ build …`) are set in the environment here. Plain JavaScript, so that
// it runs in whichever Node npm finds.
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
while (args.length > 0 && /^[A-Z][A-Z0-9_]*=/.test(args[0])) {
  const [name, ...value] = args.shift().split('=');
  process.env[name] = value.join('=');
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Astro's own launcher, as `astro …` would run it: it reads the command from process.argv.
const bin = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'bin/astro.mjs');
process.argv = [process.argv[0], bin, ...args];
await import(pathToFileURL(bin).href);
