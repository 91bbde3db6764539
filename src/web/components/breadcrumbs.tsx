/** @module dkfds breadcrumbs ("Brødkrumme"): where a page sits in the archive. */
import { Icon } from './icon.js';

export interface Crumb {
  text: string;
  /** Absent for the current page, which is the last crumb. */
  href?: string;
}

/** The breadcrumb trail; the last crumb is the current page and is not a link. */
export function Breadcrumbs(props: { items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Brødkrumme">
      <ol class="breadcrumbs__list">
        {props.items.map((item, i) =>
          item.href ? (
            <li class="breadcrumbs__list-item">
              {i > 0 && <Icon name="chevron-right" />}
              <a class="breadcrumbs__link" href={item.href}>{item.text}</a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              {i > 0 && <Icon name="chevron-right" />}
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
