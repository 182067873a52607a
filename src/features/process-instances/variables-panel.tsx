import {
  Button,
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
import { useId, useMemo, useState } from 'react';

import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { ErrorNotification } from '../../components/error-notification';
import { toScopeLabels } from './activity-instance-tree';
import { formatVariableType, formatVariableValue } from './format-variable-value';
import { processInstanceQueries } from '../../api/process-instance-queries';

import './process-instance.scss';

/** Rows shown before "Show more"; an instance with a large multi-instance has thousands. */
export const VARIABLES_PAGE_SIZE = 25;

const TABLE_LABEL = 'Variables';

const HEADERS = [
  { key: 'name', header: 'Name' },
  { key: 'type', header: 'Type' },
  { key: 'value', header: 'Value' },
  { key: 'scope', header: 'Scope' },
] as const;

/** Column widths of the fixed table layout: the value gets the most room. */
const COLUMN_WIDTHS = ['26%', '16%', '36%', '22%'];

interface VariablesPanelProps {
  processInstanceId: string;
}

/**
 * Every variable of the instance, whatever scope it lives in: the process instance first, then
 * each activity instance, by name.
 */
export function VariablesPanel({ processInstanceId }: VariablesPanelProps) {
  const {
    data: variables,
    error,
    isPending,
  } = useQuery(processInstanceQueries.variables(processInstanceId));
  const { data: scopeLabels } = useQuery({
    ...processInstanceQueries.activityInstances(processInstanceId),
    select: toScopeLabels,
  });
  const [shownCount, setShownCount] = useState(VARIABLES_PAGE_SIZE);

  const scopeOf = (variable: VariableInstanceDto) => {
    const scopeId = variable.activityInstanceId ?? variable.executionId ?? '';
    return scopeLabels?.get(scopeId) ?? scopeId;
  };
  const sorted = useMemo(
    () => (variables === undefined ? [] : sortByScope(variables, processInstanceId, scopeLabels)),
    [variables, processInstanceId, scopeLabels],
  );

  if (isPending) {
    return (
      <DataTableSkeleton
        aria-label={`${TABLE_LABEL} (loading)`}
        headers={[...HEADERS]}
        columnCount={HEADERS.length}
        rowCount={3}
        showHeader={false}
        showToolbar={false}
      />
    );
  }
  if (error !== null) {
    return <ErrorNotification title="The variables could not be loaded" error={error} />;
  }
  if (sorted.length === 0) {
    return <p className="process-instance-panel__empty">This instance has no variables.</p>;
  }

  const shown = sorted.slice(0, shownCount);
  const byId = new Map(shown.map((variable) => [variable.id, variable]));
  const rows = shown.map((variable) => ({ id: variable.id }));

  return (
    <>
      <DataTable rows={rows} headers={[...HEADERS]} size="sm">
        {({ rows: tableRows, headers, getTableProps, getHeaderProps, getRowProps }) => (
          <TableContainer>
            <Table {...getTableProps()} aria-label={TABLE_LABEL} className="variables-table">
              <colgroup>
                {COLUMN_WIDTHS.map((width, index) => (
                  <col key={index} style={{ width }} />
                ))}
              </colgroup>
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
                  const variable = byId.get(row.id);
                  if (variable === undefined) {
                    return null;
                  }
                  const { key, ...rowProps } = getRowProps({ row });
                  return (
                    <TableRow key={key} {...rowProps}>
                      <TableCell className="variables-table__name">{variable.name}</TableCell>
                      <TableCell>{formatVariableType(variable)}</TableCell>
                      <TableCell>
                        <VariableValue variable={variable} />
                      </TableCell>
                      <TableCell>{scopeOf(variable)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </DataTable>
      {sorted.length > shown.length && (
        <div className="process-instance-panel__more">
          <Button
            kind="ghost"
            size="sm"
            onClick={() => {
              setShownCount(shownCount + VARIABLES_PAGE_SIZE);
            }}
          >
            Show more ({sorted.length - shown.length} not shown)
          </Button>
        </div>
      )}
    </>
  );
}

function VariableValue({ variable }: { variable: VariableInstanceDto }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const valueId = useId();
  const { text, preview, isTruncated, isPlaceholder } = formatVariableValue(variable);
  const className = isPlaceholder ? 'variable-value variable-value--placeholder' : 'variable-value';

  if (!isTruncated) {
    return <span className={className}>{preview}</span>;
  }
  return (
    <div className={className}>
      {isExpanded ? (
        <pre id={valueId} className="variable-value__full">
          {text}
        </pre>
      ) : (
        <span id={valueId} className="variable-value__preview">
          {preview}
        </span>
      )}
      <Button
        kind="ghost"
        size="sm"
        className="variable-value__toggle"
        aria-expanded={isExpanded}
        aria-controls={valueId}
        onClick={() => {
          setIsExpanded(!isExpanded);
        }}
      >
        {isExpanded ? 'Show less' : 'Show all'}
      </Button>
    </div>
  );
}

/** Process-level variables first, then by scope and name. */
function sortByScope(
  variables: readonly VariableInstanceDto[],
  processInstanceId: string,
  scopeLabels: ReadonlyMap<string, string> | undefined,
): VariableInstanceDto[] {
  const scopeRank = ({ activityInstanceId }: VariableInstanceDto) =>
    activityInstanceId === processInstanceId
      ? ''
      : (scopeLabels?.get(activityInstanceId ?? '') ?? activityInstanceId ?? '');
  return [...variables].sort(
    (a, b) =>
      Number(a.activityInstanceId !== processInstanceId) -
        Number(b.activityInstanceId !== processInstanceId) ||
      scopeRank(a).localeCompare(scopeRank(b), undefined, { numeric: true }) ||
      a.name.localeCompare(b.name),
  );
}
