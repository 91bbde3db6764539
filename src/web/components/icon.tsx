/** @module dkfds SVG icons, referenced from the design system's sprite so pages carry no inline SVG. */

export const ICON_SPRITE = '/static/dkfds/img/all-svg-icons.svg';

/** A decorative dkfds icon (hidden from assistive technology; the text next to it carries the meaning). */
export function Icon(props: { name: string; class?: string }) {
  return (
    <svg class={props.class ? `icon-svg ${props.class}` : 'icon-svg'} focusable="false" aria-hidden="true">
      <use href={`${ICON_SPRITE}#${props.name}`}></use>
    </svg>
  );
}
