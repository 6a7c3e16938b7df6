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
  // Mantine picks the option its own index names, and that index can disagree with the highlight on
  // screen: opening the list re-reads the index from the *active* option a tick later, after typing
  // has already highlighted the first match (seen picking 户籍所在地 and then typing in 居住乡镇), so
  // Enter did nothing. Typed faster than the list highlighted a match (a pasted or scanned value),
  // nothing is highlighted at all. Either way, once Mantine has had its turn, a list still open
  // takes the highlighted option, or the first match — only when Mantine left the typed text as it was
  // (a MultiSelect keeps its list open after a pick but clears the text; a second click would undo it).
  const input = event.currentTarget;
  const typed = input.value;
  setTimeout(() => {
    if (typed === '' || input.value !== typed || input.getAttribute('aria-expanded') !== 'true') return;
    const listId = input.getAttribute('aria-controls');
    const list = listId ? document.getElementById(listId) : null;
    const option = list?.querySelector<HTMLElement>('[data-combobox-selected]:not([data-combobox-disabled])')
      ?? list?.querySelector<HTMLElement>('[role="option"]:not([data-combobox-disabled])');
    option?.click();
  }, 0);
}

/** The theme's defaults for Select, Autocomplete and MultiSelect: typing highlights the first match, so Enter takes it. (Not TagsInput: there Enter adds the typed tag, and a prevented Enter would not.) */
export const COMBOBOX_DEFAULTS = { selectFirstOptionOnChange: true, onKeyDown: keepEnterInCombobox } as const;
