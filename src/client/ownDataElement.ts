// <own-data-form> (src/components/OwnDataForm.astro): "Use your own data". Defined by the page's own
// script (src/client/main.ts imports this); the code that reads files loads when the form appears.
import { couldNotLoad } from './outOfDate.ts';
class OwnDataForm extends HTMLElement {
  connectedCallback() {
    const status = this.querySelector<HTMLElement>('[data-own-status]')!;
    void import('./ownDataForm.ts').then((m) => m.setUp(this), () => {
      status.textContent = couldNotLoad('The part of the report that reads your files');
    });
  }
}
customElements.define('own-data-form', OwnDataForm);
