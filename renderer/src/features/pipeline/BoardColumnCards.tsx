import type { KeyboardEvent, DragEvent } from 'react';
import { STAGE_LABELS, type Stage } from '#shared/domain/opening';
import type { PipelineRow } from '#shared/domain/pipeline';
import { hrefFor } from '#renderer/router';
import { ShowMore } from '#renderer/ui/ShowMore';
import { useIncrementalList } from '#renderer/ui/useIncrementalList';
import { InterviewWhen } from './InterviewWhen';
import { MoveMenu } from './MoveMenu';
import { NextActionLine } from './NextActionLine';

/** A column holds a few dozen cards at first: a board of thousands would otherwise lay out every card at start. */
const CARDS_PER_PAGE = 50;

interface BoardColumnCardsProps {
  cards: PipelineRow[];
  now: number;
  /** What the user filtered and sorted by: when it changes, the column starts again at its first page. */
  query: string;
  /** A card about to take focus: it is rendered even if it sits past the pages shown. */
  focusId: string | undefined;
  dragging: string | undefined;
  onDragStart(event: DragEvent<HTMLLIElement>, opening: PipelineRow): void;
  onDragEnd(): void;
  onCardKeyDown(event: KeyboardEvent<HTMLLIElement>, opening: PipelineRow): void;
  onMove(opening: PipelineRow, stage: Stage): void;
}

export function BoardColumnCards({ cards, now, query, focusId, dragging, onDragStart, onDragEnd, onCardKeyDown, onMove }: BoardColumnCardsProps) {
  const list = useIncrementalList(cards, query, { pageSize: CARDS_PER_PAGE, reveal: focusId ? cards.findIndex((card) => card.id === focusId) : -1 });
  return (
    <>
      <ul className="board-cards">
        {list.visible.map((opening) => (
          <li
            key={opening.id}
            className={`board-card${dragging === opening.id ? ' dragging' : ''}`}
            data-card-id={opening.id}
            draggable
            onDragStart={(event) => onDragStart(event, opening)}
            onDragEnd={onDragEnd}
            onKeyDown={(event) => onCardKeyDown(event, opening)}
          >
            <a className="board-card-title" href={hrefFor({ name: 'opening', id: opening.id })} draggable={false} aria-describedby="board-help">
              {opening.role}
            </a>
            <span className="board-card-company">{opening.companyName}</span>
            <span className="sr-only">{`Stage: ${STAGE_LABELS[opening.stage]}.`}</span>
            {opening.location && <span className="board-card-meta">{opening.location}</span>}
            <span className="board-card-meta">
              <InterviewWhen opening={opening} now={now} />
            </span>
            {opening.nextAction && <NextActionLine action={opening.nextAction} now={now} />}
            <div className="board-card-actions">
              <MoveMenu label={`Move ${opening.role} at ${opening.companyName}`} current={opening.stage} onMove={(next) => onMove(opening, next)} />
            </div>
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="openings" />
    </>
  );
}
