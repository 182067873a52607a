import { Tab, TabList, TabPanel, TabPanels, Tabs } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { IncidentsPanel } from './incidents-panel';
import { processInstanceQueries } from '../../api/process-instance-queries';
import { VariablesPanel } from './variables-panel';

import './process-instance.scss';

interface ProcessInstanceTabsProps {
  processInstanceId: string;
}

/** Variables and incidents of the instance; only the open tab renders its table. */
export function ProcessInstanceTabs({ processInstanceId }: ProcessInstanceTabsProps) {
  const [selectedIndex, setSelectedIndex] = useState(0);
  const variableCount = useQuery({
    ...processInstanceQueries.variables(processInstanceId),
    select: (variables) => variables.length,
  });
  const incidentCount = useQuery({
    ...processInstanceQueries.incidents(processInstanceId),
    select: (incidents) => incidents.length,
  });

  return (
    <Tabs
      selectedIndex={selectedIndex}
      onChange={({ selectedIndex: index }) => {
        setSelectedIndex(index);
      }}
    >
      <TabList aria-label="Instance details" className="process-instance-tabs">
        <Tab>{withCount('Variables', variableCount.data)}</Tab>
        <Tab>{withCount('Incidents', incidentCount.data)}</Tab>
      </TabList>
      <TabPanels>
        <TabPanel className="process-instance-tabs__panel">
          {selectedIndex === 0 && <VariablesPanel processInstanceId={processInstanceId} />}
        </TabPanel>
        <TabPanel className="process-instance-tabs__panel">
          {selectedIndex === 1 && <IncidentsPanel processInstanceId={processInstanceId} />}
        </TabPanel>
      </TabPanels>
    </Tabs>
  );
}

function withCount(label: string, count: number | undefined): string {
  return count === undefined ? label : `${label} (${count.toLocaleString()})`;
}
