/**
 * After a refused save the first field in error comes into view and takes the
 * focus, so the clerk types the correction at once instead of hunting for a
 * message hidden under the top bar. Fields are found by the `data-path` that
 * Mantine's form puts on every input it manages, in the order they appear on
 * the page; centring keeps the field clear of the fixed header.
 */
export function focusFirstFieldInError(paths: Iterable<string>): void {
  const wanted = new Set(paths);
  if (wanted.size === 0) return;
  // After the error texts render: they move the fields below them.
  requestAnimationFrame(() => {
    const first = [...document.querySelectorAll<HTMLElement>('[data-path]')].find((node) => wanted.has(node.dataset.path ?? ''));
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  });
}

/** The second argument of a Mantine form's onSubmit: the same for errors found on the page. */
export function onInvalidFields(errors: Record<string, unknown>): void {
  focusFirstFieldInError(Object.keys(errors));
}
