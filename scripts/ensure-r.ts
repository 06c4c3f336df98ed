// Makes sure the tests have Debian's R (Rscript, R 4.2 on Debian 12) besides current R, which
// comes from the `webr` npm package. The R scripts that the report emits are run in both: the
// legacy script must give the same numbers in each, and the default one must stop cleanly on
// R older than 4.6. On a Debian machine where we run as root, installs `r-base-core`.
import { hasRscript } from '../tests/helpers/r.ts';
import { aptInstall, canApt } from './apt.ts';

if (!hasRscript() && canApt()) {
  console.log('No Rscript found: installing Debian\'s r-base-core package (apt-get install r-base-core) …');
  aptInstall('r-base-core');
}
if (!hasRscript()) {
  console.error('The tests need R (Rscript). Install it (Debian/Ubuntu: apt-get install r-base-core).');
  process.exit(1);
}
