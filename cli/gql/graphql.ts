/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BatchStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

export type CheckCategory =
  | 'AEO'
  | 'SEO'
  | 'TECHNICAL';

export type CreateBatchInput = {
  name: string;
  /** Optional; must be one of urls. */
  subjectUrl?: string | null | undefined;
  /** 1 to the configured maximum (default 50) absolute http(s) URLs; duplicates after normalisation are rejected. */
  urls: Array<string>;
};

export type InsightSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'OPPORTUNITY';

export type TargetStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

export type CliCreateBatchMutationVariables = Exact<{
  input: CreateBatchInput;
}>;


export type CliCreateBatchMutation = { createBatch: { id: string, name: string } };

export type CliBatchProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CliBatchProgressSubscription = { batchProgress: { sequence: number, batch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, targets: Array<{ id: string, url: string, isSubject: boolean, status: TargetStatus, error: string | null }> } } };

export type CliBatchComparisonQueryVariables = Exact<{
  id: string | number;
}>;


export type CliBatchComparisonQuery = { batch: { id: string, status: BatchStatus, error: string | null, comparison: { createdAt: string, ranking: Array<{ rank: number, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, message: string, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> } | null } | null };

export type ComparisonFieldsFragment = { createdAt: string, ranking: Array<{ rank: number, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, message: string, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComparisonFields on Comparison {
  createdAt
  ranking {
    rank
    overallScore
    seoScore
    aeoScore
    technicalScore
    target {
      id
      url
      isSubject
    }
  }
  subject {
    rank
    analysedCompetitors
    target {
      id
      url
    }
  }
  notAnalysed {
    error
    target {
      id
      url
      isSubject
    }
  }
  checks {
    checkId
    category
    passedBy {
      id
      url
    }
    failedBy {
      id
      url
    }
  }
  gaps {
    checkId
    message
    competitors {
      id
      url
    }
  }
  insights {
    title
    body
    severity
    source
  }
}
    `, {"fragmentName":"ComparisonFields"}) as unknown as TypedDocumentString<ComparisonFieldsFragment, unknown>;
export const CliCreateBatchDocument = new TypedDocumentString(`
    mutation CliCreateBatch($input: CreateBatchInput!) {
  createBatch(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CliCreateBatchMutation, CliCreateBatchMutationVariables>;
export const CliBatchProgressDocument = new TypedDocumentString(`
    subscription CliBatchProgress($id: ID!) {
  batchProgress(id: $id) {
    sequence
    batch {
      id
      name
      status
      progress
      totalUrls
      completedUrls
      failedUrls
      error
      targets {
        id
        url
        isSubject
        status
        error
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliBatchProgressSubscription, CliBatchProgressSubscriptionVariables>;
export const CliBatchComparisonDocument = new TypedDocumentString(`
    query CliBatchComparison($id: ID!) {
  batch(id: $id) {
    id
    status
    error
    comparison {
      ...ComparisonFields
    }
  }
}
    fragment ComparisonFields on Comparison {
  createdAt
  ranking {
    rank
    overallScore
    seoScore
    aeoScore
    technicalScore
    target {
      id
      url
      isSubject
    }
  }
  subject {
    rank
    analysedCompetitors
    target {
      id
      url
    }
  }
  notAnalysed {
    error
    target {
      id
      url
      isSubject
    }
  }
  checks {
    checkId
    category
    passedBy {
      id
      url
    }
    failedBy {
      id
      url
    }
  }
  gaps {
    checkId
    message
    competitors {
      id
      url
    }
  }
  insights {
    title
    body
    severity
    source
  }
}`) as unknown as TypedDocumentString<CliBatchComparisonQuery, CliBatchComparisonQueryVariables>;