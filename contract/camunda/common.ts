/**
 * Shared by every resource: the error bodies, version and engine, counts, links and sorting.
 * Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only. Dates are strings in
 * Camunda's format `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (e.g. `2013-01-23T14:42:45.000+0000`). Response
 * DTOs carry every field, `null` included.
 */

/** The body of every error response (docs: "Introduction → Error handling"). */
export interface ExceptionDto {
  type: string;
  message: string;
  code?: number | null;
}

/**
 * A missing permission, as listed by `AuthorizationExceptionDto`; `resourceId` is null where
 * Camunda checked the resource type as a whole (e.g. `CREATE` on `Batch`).
 */
export interface MissingAuthorizationDto {
  permissionName: string;
  resourceName: string;
  resourceId: string | null;
}

/** 403 body: `ExceptionDto` plus who was refused what. */
export interface AuthorizationExceptionDto extends ExceptionDto {
  userId: string;
  permissionName: string | null;
  resourceName: string | null;
  resourceId: string | null;
  missingAuthorizations: MissingAuthorizationDto[];
}

/**
 * One problem of a `ParseExceptionDto`. Camunda's ProblemDto getter is spelled `getЕlementIds`
 * with a Cyrillic `Е`, so Jackson writes the key `еlementIds` (U+0435), as
 * DeploymentRestServiceInteractionTest reads it; the OpenAPI document says `elementIds`.
 */
export interface ProblemDto {
  message: string;
  /** 0 when unknown (an `int` in Camunda). */
  line: number;
  column: number;
  mainElementId: string | null;
  '\u0435lementIds': string[];
}

/** 400 body of a deployment whose BPMN cannot be parsed: problems per resource name. */
export interface ParseExceptionDto extends ExceptionDto {
  details: Record<string, { errors: ProblemDto[]; warnings: ProblemDto[] }>;
}

/** `GET /version`. */
export interface VersionDto {
  version: string;
}

/** `GET /engine`: one entry per process engine. */
export interface ProcessEngineDto {
  name: string;
}

/** `GET /…/count`. */
export interface CountResultDto {
  count: number;
}

/** Hypermedia link of deployments and process instances. */
export interface AtomLink {
  method: string;
  href: string;
  rel: string;
}

export interface SortingDto {
  sortBy: string;
  sortOrder: SortOrder;
}

export type SortOrder = 'asc' | 'desc';
