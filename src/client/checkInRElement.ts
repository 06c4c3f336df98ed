// <check-in-r> (src/components/CheckInR.astro): the "Check in R" button and the view's "Download R script"
// link. Defined by the page's own script (src/client/main.ts imports this), so that the panel cannot be
// left half alive by a script of its own failing to load; webR and the comparison load on the first click.
import { couldNotLoad, showError } from './outOfDate.ts';
class CheckInR extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('[data-check]')!;
    const link = this.querySelector<HTMLAnchorElement>('[data-script]')!;
    button.hidden = false;
    button.addEventListener('click', () => {
      void import('./checkInR.ts').then((m) => m.runCheck(this), () => this.failed(button));
    });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void import('./checkInR.ts').then((m) => m.downloadScript(), () => this.failed());
    });
    // The link's own address follows each view the page shows (src/client/main.ts 'stro:rendered'),
    // for a reader who saves or copies it rather than clicking: the built file for the study's view.
    // If that code cannot load, the built file would give the study's script under another view:
    // the link is then withdrawn (no address, marked unavailable) and the panel says why, until
    // the page is back at the study's view.
    const built = { href: link.getAttribute('href')!, name: link.download };
    const usable = (on: boolean) => {
      if (on) {
        link.removeAttribute('aria-disabled');
        link.removeAttribute('role');
      } else {
        link.setAttribute('aria-disabled', 'true');
        link.setAttribute('role', 'link'); // an <a> without href is not a link to assistive technology
        link.removeAttribute('href');
      }
    };
    window.addEventListener('stro:rendered', () => {
      const study = document.documentElement.dataset.view === 'default' && document.documentElement.dataset.source !== 'local';
      const ready = () => {
        usable(true);
        this.recovered();
      };
      const builtFile = () => {
        link.href = built.href;
        link.download = built.name;
        ready();
      };
      if (study && !link.href.startsWith('blob:')) return builtFile();
      void import('./checkInR.ts').then((m) => {
        m.refreshScriptLink(link, built);
        ready();
      }, () => {
        if (study) return builtFile();
        usable(false);
        this.failed();
      });
    });
  }

  /** Its code loaded after all (or is not needed for the study's view): a load failure it said is past. */
  recovered() {
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    if (error.dataset.load === undefined) return;
    error.hidden = true;
    error.textContent = '';
    delete error.dataset.load;
  }

  /** The check's own code could not be loaded (e.g. offline after an update): say so, touch nothing else; a reader who pressed `from` is taken to why. */
  failed(from: Element | null = null) {
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    showError(error, couldNotLoad('The code for checking in R, and for writing the R script of this view,'), from);
    error.dataset.load = '';
  }
}
customElements.define('check-in-r', CheckInR);
