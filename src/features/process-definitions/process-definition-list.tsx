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
  Tag,
} from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { processDefinitionQueries } from '../../api/process-definition-queries';
import { toProcessDefinitionRows } from './to-process-definition-rows';
import type { ProcessDefinitionRow } from './to-process-definition-rows';

const TABLE_LABEL = 'Process definitions';

const HEADERS = [
  { key: 'name', header: 'Name' },
  { key: 'key', header: 'Key' },
  { key: 'latestVersion', header: 'Version' },
  { key: 'runningInstances', header: 'Running instances' },
  { key: 'incidents', header: 'Incidents' },
] satisfies { key: keyof ProcessDefinitionRow; header: string }[];

/** The deployed processes with their running instances and incidents. */
export function ProcessDefinitionList() {
  const {
    data: rows,
    error,
    isPending,
  } = useQuery({
    ...processDefinitionQueries.statistics(),
    select: toProcessDefinitionRows,
  });

  if (isPending) {
    return (
      <DataTableSkeleton
        aria-label={`${TABLE_LABEL} (loading)`}
        headers={HEADERS}
        columnCount={HEADERS.length}
        rowCount={3}
        showHeader={false}
        showToolbar={false}
      />
    );
  }
  if (error !== null) {
    return <ErrorNotification title="The process definitions could not be loaded" error={error} />;
  }
  if (rows.length === 0) {
    return <p>No process definitions are deployed yet.</p>;
  }

  return (
    <DataTable rows={rows} headers={HEADERS} isSortable>
      {({ rows: tableRows, headers, getTableProps, getHeaderProps, getRowProps }) => (
        <TableContainer>
          <Table {...getTableProps()} aria-label={TABLE_LABEL}>
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
                const { key, ...rowProps } = getRowProps({ row });
                return (
                  <TableRow key={key} {...rowProps}>
                    {row.cells.map((cell) => (
                      <TableCell key={cell.id}>
                        {cell.info.header === 'name' ? (
                          // The row's id is its latest version: the list opens that version.
                          <RouterLink
                            to="/process-definitions/$processDefinitionId"
                            params={{ processDefinitionId: row.id }}
                          >
                            {String(cell.value)}
                          </RouterLink>
                        ) : cell.info.header === 'incidents' && Number(cell.value) > 0 ? (
                          <Tag type="red" size="sm">
                            {String(cell.value)}
                          </Tag>
                        ) : (
                          String(cell.value)
                        )}
                      </TableCell>
                    ))}
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
