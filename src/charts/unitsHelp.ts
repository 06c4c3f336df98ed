// The headline figure's help line, kept apart from the chart code so that the page's first script
// can choose it without loading the figures. It promises only what src/client/units.ts does.

/** By keyboard and pointer: what a desk reader can do. */
export const UNITS_HELP =
  'Select the figure and use the arrow keys (Home and End for the first and last) to step through the arrests, and Enter or Space to pick out that person’s arrests; or click or tap a square to pick out its person. The Previous person and Next person buttons below then step from person to person. Esc, or a click or tap away from the squares, clears the selection.';

/** On a touch screen with no mouse or trackpad: what a finger can do (a phone reader met arrow keys and Esc first). */
export const UNITS_TOUCH_HELP = 'Tap a square to pick out that person’s arrests, before and after the order, then step from person to person with the buttons below; tap away from the squares to clear the selection.';

/** A touch screen with no fine pointer beside it (a phone, not a laptop with a touch screen). */
export const touchOnly = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches;

/** The help line for this device. */
export const unitsHelp = (): string => (touchOnly() ? UNITS_TOUCH_HELP : UNITS_HELP);

/** How a picked person is let go, the clause after "highlighted and the rest dimmed;": by key, click or tap, or by tap alone. */
export const UNITS_CLEAR = 'Esc, or a click or tap away from the squares, clears the selection';
export const UNITS_TOUCH_CLEAR = 'a tap away from the squares clears the selection';

/** The clause for this device. */
export const unitsClear = (): string => (touchOnly() ? UNITS_TOUCH_CLEAR : UNITS_CLEAR);
