// The help lines of the headline figure and the specification curve, kept apart from the chart code so that the page's first script
// can choose it without loading the figures. It promises only what src/client/units.ts does.

/** By keyboard and pointer: what a desk reader can do. */
export const UNITS_HELP =
  'Select the figure and use the arrow keys (Home and End for the first and last) to step through the arrests, and Enter or Space to pick out that person’s arrests; or click or tap a square to pick out its person. The Previous person and Next person buttons below then step from person to person. Esc, or a click or tap away from the squares, clears the selection.';

/** The headline figure's name in a view with no arrest: no arrow keys promised (src/client/units.ts, main.ts). */
export const UNITS_NONE_LABEL = 'Every arrest in this view: there are none to pick out';

/** On a touch screen with no mouse or trackpad: what a finger can do (a phone reader met arrow keys and Esc first). */
export const UNITS_TOUCH_HELP = 'Tap a square to pick out that person’s arrests, before and after the order, then step from person to person with the buttons that appear below it; tap away from the squares to clear the selection.';

/** A touch screen with no fine pointer beside it (a phone, not a laptop with a touch screen). */
export const touchOnly = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches;

/** The help line for this device. */
export const unitsHelp = (): string => (touchOnly() ? UNITS_TOUCH_HELP : UNITS_HELP);

/** How a picked person is let go, the clause after "highlighted and the rest dimmed;": by key, click or tap, or by tap alone. */
export const UNITS_CLEAR = 'Esc, or a click or tap away from the squares, clears the selection';
export const UNITS_TOUCH_CLEAR = 'a tap away from the squares clears the selection';

/** The clause for this device. */
export const unitsClear = (): string => (touchOnly() ? UNITS_TOUCH_CLEAR : UNITS_CLEAR);

/** The specification curve's help, at a desk: what its inspector says before a specification is picked out (with the keys, or a tap or click). */
export const SPECIFICATION_HELP =
  'Select the figure and use the left and right arrow keys (Home and End for the smallest and largest reduction) to pick out a specification, starting at the current view, and Enter or Space to set the view to it; or tap or click a specification’s marks to pick it out (“Smaller” and “Larger” then step to its neighbours), then “Show this view” (or a second tap or click on it) to set the view to it. Esc, or a tap or click elsewhere, clears the selection.';

/** The specification curve's help on a touch screen with no mouse or trackpad: taps, not arrow keys and Esc (a police leader on a phone). */
export const SPECIFICATION_TOUCH_HELP =
  'Tap a specification’s marks to pick it out (“Smaller” and “Larger” then step to its neighbours), then “Show this view” (or a second tap on it) to set the view to it. A tap elsewhere clears the selection.';

/** The specification curve's help for this device. */
export const specificationHelp = (): string => (touchOnly() ? SPECIFICATION_TOUCH_HELP : SPECIFICATION_HELP);
