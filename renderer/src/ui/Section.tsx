import { useId, type ReactNode } from 'react';
import './section.css';

/** A titled panel on a detail page; the heading names the region. */
export function Section({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`panel detail-section ${className ?? ''}`} aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
