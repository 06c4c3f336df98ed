// <own-data-form> (src/components/OwnDataForm.astro): "Use your own data". Defined by the page's own
// script (src/client/main.ts imports this); the code that reads files loads when the form appears.
class OwnDataForm extends HTMLElement {
  connectedCallback() {
    const status = this.querySelector<HTMLElement>('[data-own-status]')!;
    void import('./ownDataForm.ts').then((m) => m.setUp(this), () => {
      status.textContent = 'The part of the report that reads your files could not be loaded. Reload the page to try again.';
    });
  }
}
customElements.define('own-data-form', OwnDataForm);
