import type { IncrementalList } from './useIncrementalList';

interface ShowMoreProps {
  /** The list, from useIncrementalList: its end marker makes the next page render as it comes near. */
  list: IncrementalList<unknown>;
  /** Plural noun of what is listed: "openings". */
  what: string;
}

/** The end of a list rendered a page at a time: how much is shown, and a button for the next page. */
export function ShowMore({ list, what }: ShowMoreProps) {
  const { visible, remaining, pageSize, showMore, setEndMarker } = list;
  if (remaining === 0) return null;
  const shown = visible.length;
  return (
    <div className="show-more" ref={setEndMarker}>
      <span className="muted">
        Showing {shown.toLocaleString()} of {(shown + remaining).toLocaleString()} {what}.
      </span>
      <button type="button" className="button" onClick={showMore}>
        Show {Math.min(pageSize, remaining).toLocaleString()} more
      </button>
    </div>
  );
}
