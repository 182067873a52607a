import {
  DataTable,
  DataTableSkeleton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
} from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import type { IncidentDto } from '../../../contract/camunda/job';
import { ErrorNotification } from '../../components/error-notification';
import { toActivityNames } from './activity-instance-tree';
import { formatIncidentType } from './format-camunda-name';
import { formatCamundaDate } from '../../lib/camunda-date';
import { processInstanceQueries } from '../../api/process-instance-queries';

import './process-instance.scss';

const TABLE_LABEL = 'Incidents';

const HEADERS = [
  { key: 'type', header: 'Type' },
  { key: 'activity', header: 'Activity' },
  { key: 'message', header: 'Message' },
  { key: 'time', header: 'Time' },
] as const;

interface IncidentsPanelProps {
  processInstanceId: string;
}

/** The open incidents of the instance, oldest first, with the engine's message in full. */
export function IncidentsPanel({ processInstanceId }: IncidentsPanelProps) {
  const {
    data: incidents,
    error,
    isPending,
  } = useQuery({
    ...processInstanceQueries.incidents(processInstanceId),
    select: sortByTime,
  });
  const { data: activityNames } = useQuery({
    ...processInstanceQueries.activityInstances(processInstanceId),
    select: toActivityNames,
  });

  if (isPending) {
    return (
      <DataTableSkeleton
        aria-label={`${TABLE_LABEL} (loading)`}
        headers={[...HEADERS]}
        columnCount={HEADERS.length}
        rowCount={2}
        showHeader={false}
        showToolbar={false}
      />
    );
  }
  if (error !== null) {
    return <ErrorNotification title="The incidents could not be loaded" error={error} />;
  }
  if (incidents.length === 0) {
    return <p className="process-instance-panel__empty">This instance has no open incidents.</p>;
  }

  const byId = new Map(incidents.map((incident) => [incident.id, incident]));
  const rows = incidents.map((incident) => ({ id: incident.id }));
  const activityOf = ({ activityId }: IncidentDto) =>
    activityId === null ? '' : (activityNames?.get(activityId) ?? activityId);

  return (
    <DataTable rows={rows} headers={[...HEADERS]} size="sm">
      {({ rows: tableRows, headers, getTableProps, getHeaderProps, getRowProps }) => (
        <TableContainer>
          <Table {...getTableProps()} aria-label={TABLE_LABEL} className="incidents-table">
            <TableHead>
              <TableRow>
                {headers.map((header) => {
                  const { key, ...headerProps } = getHeaderProps({ header });
                  return (
                    <TableHeader key={key} {...headerProps}>
                      {header.header}
                    </TableHeader>
                  );
                })}
              </TableRow>
            </TableHead>
            <TableBody>
              {tableRows.map((row) => {
                const incident = byId.get(row.id);
                if (incident === undefined) {
                  return null;
                }
                const { key, ...rowProps } = getRowProps({ row });
                return (
                  <TableRow key={key} {...rowProps}>
                    <TableCell>{formatIncidentType(incident.incidentType)}</TableCell>
                    <TableCell>{activityOf(incident)}</TableCell>
                    <TableCell className="incidents-table__message">
                      {incident.incidentMessage ?? ''}
                    </TableCell>
                    <TableCell>{formatCamundaDate(incident.incidentTimestamp)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </DataTable>
  );
}

function sortByTime(incidents: IncidentDto[]): IncidentDto[] {
  return [...incidents].sort((a, b) => a.incidentTimestamp.localeCompare(b.incidentTimestamp));
}
