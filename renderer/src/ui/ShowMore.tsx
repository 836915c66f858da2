interface ShowMoreProps {
  shown: number;
  remaining: number;
  pageSize: number;
  /** Plural noun of what is listed: "openings". */
  what: string;
  onShowMore(): void;
  /** From useIncrementalList: watches this element to render the next page as it comes near. */
  endMarker(element: HTMLDivElement | null): void;
}

/** The end of a list rendered a page at a time: how much is shown, and a button for the next page. */
export function ShowMore({ shown, remaining, pageSize, what, onShowMore, endMarker }: ShowMoreProps) {
  if (remaining === 0) return null;
  return (
    <div className="show-more" ref={endMarker}>
      <span className="muted">
        Showing {shown.toLocaleString()} of {(shown + remaining).toLocaleString()} {what}.
      </span>
      <button type="button" className="button" onClick={onShowMore}>
        Show {Math.min(pageSize, remaining).toLocaleString()} more
      </button>
    </div>
  );
}
