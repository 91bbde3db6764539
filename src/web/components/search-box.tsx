/** @module The dkfds search field: one box that submits to /search, usable without JavaScript. */

/** A search form with a visible label; `id` keeps several boxes on one page distinct. */
export function SearchBox(props: { id: string; value?: string; label?: string }) {
  return (
    <form action="/search" method="get" role="search" class="search-box">
      <div class="form-group">
        <label for={props.id} class="form-label">{props.label ?? 'Søg i dagsordener og referater'}</label>
        <div class="search">
          <input class="form-input" id={props.id} name="q" type="search" value={props.value ?? ''} />
          <button class="button button-search" type="submit">Søg</button>
        </div>
      </div>
    </form>
  );
}
