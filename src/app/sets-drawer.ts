// The side list as a drawer on narrow screens: below 1100 px (style.css) the list is hidden
// and a header button opens it above the views. Wide screens never see the button.

/** Wires the header button to the side list; returns the render function that names the set. */
export function wireSetsDrawer(
  button: HTMLButtonElement,
  layout: HTMLElement,
): (setName: string | null, sets: number) => void {
  const setOpen = (open: boolean) => {
    layout.classList.toggle('sets-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(!layout.classList.contains('sets-open')));
  // Picking or removing a set in the open drawer closes it, so the chosen view is in sight.
  layout.querySelector('#sets')?.addEventListener('click', (event) => {
    if (
      (event.target as Element).closest('button.set-name, button.run-name') &&
      matchMedia('(max-width: 1100px)').matches
    )
      setOpen(false);
  });
  return (setName, sets) => {
    button.textContent =
      sets === 0 ? 'Profile sets' : `${sets === 1 ? 'Set' : `Sets (${sets})`}: ${setName || 'loose files'} ▾`;
  };
}
