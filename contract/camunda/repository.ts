/**
 * Deployments and process definitions. Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { AtomLink } from './common';

/** `GET /deployment`, `GET /deployment/{id}` */
export interface DeploymentDto {
  links: AtomLink[];
  id: string;
  name: string | null;
  source: string | null;
  deploymentTime: string;
  tenantId: string | null;
}

/** `POST /deployment/create`: the deployment plus what it defined (null when nothing). */
export interface DeploymentWithDefinitionsDto extends DeploymentDto {
  deployedProcessDefinitions: Record<string, ProcessDefinitionDto> | null;
  deployedCaseDefinitions: Record<string, unknown> | null;
  deployedDecisionDefinitions: Record<string, unknown> | null;
  deployedDecisionRequirementsDefinitions: Record<string, unknown> | null;
}

/** `GET /process-definition`, `GET /process-definition/{id}`. */
export interface ProcessDefinitionDto {
  id: string;
  key: string;
  category: string | null;
  description: string | null;
  name: string | null;
  version: number;
  resource: string | null;
  deploymentId: string | null;
  diagram: string | null;
  suspended: boolean;
  tenantId: string | null;
  versionTag: string | null;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
}

/** `GET /process-definition/{id}/xml` */
export interface ProcessDefinitionDiagramDto {
  id: string;
  bpmn20Xml: string;
}

/** One entry of `incidents` in the statistics results. */
export interface IncidentStatisticsResultDto {
  incidentType: string;
  incidentCount: number;
}

/**
 * `GET /process-definition/statistics`: one entry per deployed definition version. `instances`
 * counts its running process instances; `incidents` is filled when `incidents=true` (or
 * `incidentsForType=…`) is requested, and empty otherwise.
 */
export interface ProcessDefinitionStatisticsResultDto {
  '@class'?: string;
  id: string;
  instances: number;
  failedJobs: number;
  incidents: IncidentStatisticsResultDto[];
  definition: ProcessDefinitionDto;
}
