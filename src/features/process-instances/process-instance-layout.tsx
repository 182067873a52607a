import type { ReactNode } from 'react';

import './process-instance.scss';

interface ProcessInstanceLayoutProps {
  header: ReactNode;
  /** The large left column; it gets a fixed height, which the diagram fills. */
  diagram: ReactNode;
  /** The right column: the activity instance tree, then the tabs. */
  aside: ReactNode;
}

/** The instance page's frame: header on top, the diagram beside what the instance holds. */
export function ProcessInstanceLayout({ header, diagram, aside }: ProcessInstanceLayoutProps) {
  return (
    <div className="process-instance-layout">
      {header}
      <div className="process-instance-layout__columns">
        <section className="process-instance-layout__diagram" aria-label="Diagram">
          {diagram}
        </section>
        <div className="process-instance-layout__aside">{aside}</div>
      </div>
    </div>
  );
}
