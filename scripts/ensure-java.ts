// Makes sure the HTML validity test has Java for the Nu HTML Checker (`vnu-jar` from npm ships
// the checker as a .jar). On a Debian machine where we run as root, installs Debian's
// `default-jre-headless`; elsewhere it says what to install.
import { execFileSync } from 'node:child_process';
import { aptInstall, canApt } from './apt.ts';

const hasJava = () => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!hasJava() && canApt()) {
  console.log('No Java found: installing Debian\'s default-jre-headless package for the Nu HTML Checker …');
  aptInstall('default-jre-headless');
}
if (!hasJava()) {
  console.error('The HTML validity test needs Java (Debian/Ubuntu: apt-get install default-jre-headless).');
  process.exit(1);
}
