import { SkeletonPlaceholder, SkeletonText } from '@carbon/react';

import { ProcessInstanceLayout } from './process-instance-layout';

/** The page's shape while the instance loads, so nothing jumps when it arrives. */
export function ProcessInstanceSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the process instance">
      <ProcessInstanceLayout
        header={<SkeletonText heading width="40%" />}
        diagram={<SkeletonPlaceholder className="process-instance-skeleton__block" />}
        aside={<SkeletonText paragraph lineCount={8} />}
      />
    </div>
  );
}
