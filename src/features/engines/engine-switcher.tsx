import { Select, SelectItem } from '@carbon/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';

import { getEngineName, storeEngineName } from '../../api/engine-selection';
import { engineQueries } from './engine-queries';

/**
 * Chooses the engine when the server offers several. Switching drops every cached answer, as
 * they all belong to the previous engine, and returns to the definitions.
 */
export function EngineSwitcher() {
  const engines = useQuery(engineQueries.list());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [current, setCurrent] = useState(getEngineName);

  if (!engines.data || engines.data.length < 2) {
    return null;
  }

  const handleChange = (name: string) => {
    storeEngineName(name);
    setCurrent(name);
    queryClient.clear();
    void navigate({ to: '/process-definitions' });
  };

  return (
    <Select
      id="engine-switcher"
      labelText="Engine"
      size="sm"
      inline
      value={current}
      onChange={(event) => {
        handleChange(event.target.value);
      }}
    >
      {engines.data.map((engine) => (
        <SelectItem key={engine.name} value={engine.name} text={engine.name} />
      ))}
    </Select>
  );
}
