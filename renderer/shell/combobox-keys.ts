import type { KeyboardEvent } from 'react';

/**
 * Enter in a select or autocomplete picks the highlighted option and never
 * submits the form around it (a clerk typed 木渎 in 居住乡镇, pressed Enter
 * and saved the person with no township). Mantine's combobox picks the option
 * on Enter but leaves the key's default, the form's implicit submission, alone
 * when nothing is highlighted; preventing it here does not stop the pick. An
 * Enter that ends an IME composition (拼音 input) is left to the IME.
 */
export function keepEnterInCombobox(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  event.preventDefault();
  // Typed faster than the list highlighted its first match (a pasted or scanned value): Enter takes
  // the first match all the same. Mantine then finds nothing highlighted and does nothing more.
  const listId = event.currentTarget.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  if (!list || list.querySelector('[data-combobox-selected]')) return;
  list.querySelector<HTMLElement>('[role="option"]:not([data-combobox-disabled])')?.click();
}

/** The theme's defaults for Select, Autocomplete and MultiSelect: typing highlights the first match, so Enter takes it. (Not TagsInput: there Enter adds the typed tag, and a prevented Enter would not.) */
export const COMBOBOX_DEFAULTS = { selectFirstOptionOnChange: true, onKeyDown: keepEnterInCombobox } as const;
