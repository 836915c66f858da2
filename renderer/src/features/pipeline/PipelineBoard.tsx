import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { STAGE_LABELS, STAGES, type Stage } from '#shared/domain/opening';
import type { PipelineRow } from '#shared/domain/pipeline';
import { BoardColumnCards } from './BoardColumnCards';

/** Where focus should land after a move: the card, or its old column if the card is now hidden. */
export interface FocusRequest {
  id: string;
  fallbackStage: Stage;
  /** Changes with every request, so the same card can be asked for twice. */
  nonce: number;
}

interface PipelineBoardProps {
  openings: PipelineRow[];
  stages: Stage[];
  now: number;
  focusRequest: FocusRequest | undefined;
  /** What the user filtered and sorted by: when it changes, each column starts again at its first page. */
  query: string;
  onMove(opening: PipelineRow, stage: Stage): void;
}

const DRAG_TYPE = 'application/x-afterview-opening';

/** Columns by stage; cards move by drag and drop, by the Move menu, or with Alt+← / Alt+→. */
export function PipelineBoard({ openings, stages, now, focusRequest, query, onMove }: PipelineBoardProps) {
  const boardRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<string>();
  const [dropTarget, setDropTarget] = useState<Stage>();

  useEffect(() => {
    if (!focusRequest) return;
    const board = boardRef.current;
    const card = Array.from(board?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [])
      .find((element) => element.dataset.cardId === focusRequest.id)
      ?.querySelector<HTMLElement>('.board-card-title');
    const column = board?.querySelector<HTMLElement>(`[data-stage="${focusRequest.fallbackStage}"]`);
    (card ?? column)?.focus();
  }, [focusRequest]);

  function stepStage(opening: PipelineRow, step: -1 | 1): Stage | undefined {
    return STAGES[STAGES.indexOf(opening.stage) + step];
  }

  function onCardKeyDown(event: KeyboardEvent<HTMLLIElement>, opening: PipelineRow) {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const next = stepStage(opening, event.key === 'ArrowLeft' ? -1 : 1);
    if (next) onMove(opening, next);
  }

  function onDragStart(event: DragEvent<HTMLLIElement>, opening: PipelineRow) {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, opening.id);
    event.dataTransfer.setData('text/plain', `${opening.role} at ${opening.companyName}`);
    setDragging(opening.id);
  }

  function onDrop(event: DragEvent<HTMLElement>, stage: Stage) {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(undefined);
    setDropTarget(undefined);
    const opening = openings.find((candidate) => candidate.id === id);
    if (opening && opening.stage !== stage) onMove(opening, stage);
  }

  return (
    <div className="board-wrap">
      <p id="board-help" className="field-hint">
        Drag a card to another column, or use its Move button. With a card focused, Alt+← and Alt+→ move it one stage. Into Accepted, Rejected, Withdrawn or
        Dormant, Afterview first asks how it ended.
      </p>
      <div className="board" ref={boardRef}>
        {stages.map((stage) => {
          const cards = openings.filter((opening) => opening.stage === stage);
          const headingId = `board-column-${stage}`;
          return (
            <section
              key={stage}
              className={`board-column${dropTarget === stage ? ' drop-target' : ''}`}
              aria-labelledby={headingId}
              data-stage={stage}
              tabIndex={-1}
              onDragOver={(event) => {
                if (!dragging && !event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                if (dropTarget !== stage) setDropTarget(stage);
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget((current) => (current === stage ? undefined : current));
              }}
              onDrop={(event) => onDrop(event, stage)}
            >
              <h2 id={headingId} className="board-column-title">
                <span className={`stage stage-${stage}`}>{STAGE_LABELS[stage]}</span>
                <span className="board-count" aria-hidden="true">
                  {cards.length}
                </span>
                <span className="sr-only">{cards.length === 1 ? ', 1 opening' : `, ${cards.length} openings`}</span>
              </h2>
              {cards.length === 0 ? (
                <p className="board-empty">Nothing here yet</p>
              ) : (
                <BoardColumnCards
                  cards={cards}
                  now={now}
                  query={query}
                  focusId={focusRequest?.id}
                  dragging={dragging}
                  onDragStart={onDragStart}
                  onDragEnd={() => {
                    setDragging(undefined);
                    setDropTarget(undefined);
                  }}
                  onCardKeyDown={onCardKeyDown}
                  onMove={onMove}
                />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
