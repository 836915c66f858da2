import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { STAGE_LABELS, STAGES, type Opening, type Stage } from '#shared/domain/opening';
import { isOutcomeStage, type OutcomeStage } from '#shared/domain/outcome';
import type { PipelineRow } from '#shared/domain/pipeline';
import { call, onEvent } from '#renderer/api';
import { useAddressIntent } from '#renderer/address-intent';
import { Alert } from '#renderer/ui/Alert';
import { useNow } from '#renderer/ui/useNow';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { CsvImport } from '../import/CsvImport';
import { OutcomeDialog } from '../letters/OutcomeDialog';
import { FirstSteps } from '../sample/FirstSteps';
import { AddOpeningForm } from './AddOpeningForm';
import { PipelineBoard, type FocusRequest } from './PipelineBoard';
import { PipelineList } from './PipelineList';
import {
  boardStages,
  isClosed,
  isFiltering,
  loadSort,
  loadView,
  NO_FILTERS,
  saveSort,
  saveView,
  SORT_LABELS,
  SORTS,
  visibleOpenings,
  type Filters,
  type Sort,
  type View,
} from './pipelineModel';
import './pipeline.css';
import { messageOf } from '#renderer/ui/message-of';

const loadOpenings = () => call('openings.list');

/** A stage change shown before the core confirms it; `saved` once it has. */
type Moved = Record<string, { stage: Stage; updatedAt?: string }>;

function countLabel(count: number): string {
  return count === 1 ? '1 opening' : `${count} openings`;
}

export function PipelinePage({ startAdding = false }: { startAdding?: boolean }) {
  const openings = useAsyncData(loadOpenings);
  const toast = useToast();
  const now = useNow();
  const [adding, setAdding] = useState(startAdding);
  const [announcement, setAnnouncement] = useState<string>();
  const [view, setView] = useState<View>(loadView);
  const [sort, setSort] = useState<Sort>(loadSort);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [moved, setMoved] = useState<Moved>({});
  const [focusRequest, setFocusRequest] = useState<FocusRequest>();
  /** A card asked into an outcome stage: it moves once the outcome dialog records it, and stays put on Cancel. */
  const [closing, setClosing] = useState<{ opening: PipelineRow; outcome: OutcomeStage }>();
  // A move or an edit anywhere re-plans the reminders: the next actions follow when the core says so.
  useEffect(() => {
    try {
      return onEvent('reminders.changed', openings.reload);
    } catch {
      return undefined;
    }
  }, [openings.reload]);
  const ids = { search: useId(), stage: useId(), sort: useId(), closed: useId() };
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const all = useMemo(
    () => (openings.data ?? []).map((opening) => (moved[opening.id] ? { ...opening, ...moved[opening.id] } : opening)),
    [openings.data, moved],
  );
  const shown = useMemo(() => visibleOpenings(all, filters, sort, now), [all, filters, sort, now]);
  // What the user asked to see: long lists start again from their first page when it changes.
  const query = JSON.stringify([filters, sort]);
  const closedCount = all.filter((opening) => isClosed(opening.stage)).length;

  // Asked for from Today's first steps, Ctrl/Cmd+N, the menu or the command palette, also while
  // already here; the address drops "?add" so a reload does not open the form again.
  useAddressIntent('/pipeline', 'add', () => setAdding(true));

  function added(opening: Opening) {
    setAdding(false);
    setAnnouncement(`Added ${opening.role} at ${opening.companyName}.`);
    openings.reload();
  }

  function stopAdding() {
    setAdding(false);
    // Back to the button that opened the form, once it is shown again.
    setTimeout(() => addButtonRef.current?.focus(), 0);
  }

  function chooseView(next: View) {
    setView(next);
    saveView(next);
  }

  function chooseSort(next: Sort) {
    setSort(next);
    saveSort(next);
  }

  function clearFilters() {
    const onlyClosedLeft = all.length > 0 && all.every((opening) => isClosed(opening.stage));
    setFilters({ ...NO_FILTERS, showClosed: filters.showClosed || onlyClosedLeft });
  }

  function hiddenNote(stage: Stage): string {
    return !filters.showClosed && filters.stage === 'all' && isClosed(stage) ? ' Closed openings are hidden; turn on “Show closed” to see it.' : '';
  }

  async function move(opening: PipelineRow, stage: Stage) {
    if (opening.stage === stage) return;
    // However the card got here (drag, Move menu, Alt+arrow), an outcome goes through its dialog.
    if (isOutcomeStage(stage)) {
      setClosing({ opening, outcome: stage });
      return;
    }
    const from = opening.stage;
    const name = `${opening.role} at ${opening.companyName}`;
    const pending = { stage };
    setMoved((current) => ({ ...current, [opening.id]: pending }));
    setAnnouncement(`Moved ${name} to ${STAGE_LABELS[stage]}.${hiddenNote(stage)}`);
    setFocusRequest({ id: opening.id, fallbackStage: from, nonce: Date.now() });
    try {
      const saved = await call('openings.update', { id: opening.id, stage });
      setMoved((current) => (current[opening.id] === pending ? { ...current, [opening.id]: { stage: saved.stage, updatedAt: saved.updatedAt } } : current));
    } catch (caught) {
      setMoved((current) => {
        if (current[opening.id] !== pending) return current;
        const next = { ...current };
        delete next[opening.id];
        return next;
      });
      const reason = messageOf(caught);
      toast.show(`${name} could not be moved, so it stays in ${STAGE_LABELS[from]}. ${reason}`, { tone: 'error' });
      setAnnouncement(`${name} is back in ${STAGE_LABELS[from]}.`);
      setFocusRequest({ id: opening.id, fallbackStage: from, nonce: Date.now() });
    }
  }

  function recorded(opening: PipelineRow, saved: Opening) {
    setClosing(undefined);
    setMoved((current) => ({ ...current, [opening.id]: { stage: saved.stage, updatedAt: saved.updatedAt } }));
    setAnnouncement(`Moved ${opening.role} at ${opening.companyName} to ${STAGE_LABELS[saved.stage]}.${hiddenNote(saved.stage)}`);
    setFocusRequest({ id: opening.id, fallbackStage: opening.stage, nonce: Date.now() });
  }

  function keptWhereItWas(opening: PipelineRow) {
    setClosing(undefined);
    setAnnouncement(`${opening.role} at ${opening.companyName} stays in ${STAGE_LABELS[opening.stage]}.`);
    setFocusRequest({ id: opening.id, fallbackStage: opening.stage, nonce: Date.now() });
  }

  const loaded = openings.data !== undefined;
  const total = all.length;
  const filtering = isFiltering(filters);
  const subtitle =
    total === 0
      ? undefined
      : shown.length === total
        ? countLabel(total)
        : `${countLabel(total)} · ${shown.length} shown${!filters.showClosed && closedCount > 0 ? `, ${closedCount} closed hidden` : ''}`;

  return (
    <section aria-labelledby="pipeline-title" className="page pipeline">
      <header className="page-header">
        <div>
          <h1 id="pipeline-title">Pipeline</h1>
          {subtitle && <p className="subtitle">{subtitle}</p>}
        </div>
        <div className="pipeline-actions">
          <CsvImport onImported={openings.reload} onUndone={openings.reload} />
          {!adding && (
            <button ref={addButtonRef} type="button" className="button primary" onClick={() => setAdding(true)}>
              Add opening
            </button>
          )}
        </div>
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {openings.error && <Alert tone="error">The pipeline could not be loaded: {openings.error}</Alert>}
      {adding && <AddOpeningForm onAdded={added} onCancel={stopAdding} />}

      {loaded && total === 0 && !adding && (
        <FirstSteps title="Your pipeline is empty" onAddOpening={() => setAdding(true)} />
      )}

      {total > 0 && (
        <>
          <div className="pipeline-toolbar" role="search" aria-label="Filter and sort openings">
            <div className="field pipeline-search">
              <label htmlFor={ids.search}>Find</label>
              <input
                id={ids.search}
                type="search"
                placeholder="Role, company or location"
                value={filters.text}
                onChange={(event) => setFilters({ ...filters, text: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && filters.text) {
                    event.preventDefault();
                    setFilters({ ...filters, text: '' });
                  }
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.stage}>Filter by stage</label>
              <select id={ids.stage} value={filters.stage} onChange={(event) => setFilters({ ...filters, stage: event.target.value as Filters['stage'] })}>
                <option value="all">All stages</option>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {STAGE_LABELS[stage]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.sort}>Sort by</label>
              <select id={ids.sort} value={sort} onChange={(event) => chooseSort(event.target.value as Sort)}>
                {SORTS.map((value) => (
                  <option key={value} value={value}>
                    {SORT_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
            <label className="pipeline-check" htmlFor={ids.closed}>
              <input
                id={ids.closed}
                type="checkbox"
                checked={filters.showClosed}
                disabled={filters.stage !== 'all'}
                onChange={(event) => setFilters({ ...filters, showClosed: event.target.checked })}
              />
              Show closed
            </label>
            <div className="segmented" role="group" aria-label="View">
              <button type="button" aria-pressed={view === 'list'} onClick={() => chooseView('list')}>
                List
              </button>
              <button type="button" aria-pressed={view === 'board'} onClick={() => chooseView('board')}>
                Board
              </button>
            </div>
          </div>

          {shown.length === 0 && (
            <div className="empty">
              <h2>No openings match</h2>
              <p>
                {filtering
                  ? 'Nothing fits these filters. Try other words, or clear the filters to see your whole pipeline.'
                  : 'All your openings are closed. Clear the filters to see them again.'}
              </p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          )}

          {shown.length > 0 && view === 'list' && <PipelineList openings={shown} now={now} caption={`Openings, sorted by ${SORT_LABELS[sort].toLowerCase()}`} query={query} />}
          {shown.length > 0 && view === 'board' && <PipelineBoard openings={shown} stages={boardStages(filters)} now={now} focusRequest={focusRequest} query={query} onMove={move} />}
        </>
      )}
      {closing && (
        <OutcomeDialog
          key={`${closing.opening.id}:${closing.outcome}`}
          opening={closing.opening}
          initialOutcome={closing.outcome}
          onRecorded={(saved) => recorded(closing.opening, saved)}
          onCancel={() => keptWhereItWas(closing.opening)}
        />
      )}
    </section>
  );
}
