import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { estimateCost, MAX_PAGE_LIST_ITEMS, type CostLimits } from '../schema/cost';

/**
 * Refuses an operation whose estimated cost (src/schema/cost.ts: lists count their selection
 * once per item they may hold) is above the limit, before it runs; over HTTP and WebSocket.
 */
export function limitQueryCost(maxCost: number, limits: CostLimits): Plugin {
  const refusal = (args: ExecutionArgs) => {
    const { schema, document, variableValues, operationName } = args;
    const cost = estimateCost(schema, { document, variables: variableValues ?? undefined, operationName }, limits);
    if (cost === null || cost <= maxCost) return null;
    return {
      errors: [
        new GraphQLError(
          `Query cost limit of ${maxCost} exceeded, estimated ${cost}: a list counts its selection once per item it may hold ` +
            `(${limits.maxUrlsPerBatch} targets, ${MAX_PAGE_LIST_ITEMS} headings, a page of a connection), and a subscription once per event. ` +
            'Select fewer fields, or page with first/last.',
          { extensions: { code: 'BAD_USER_INPUT', maxCost, cost } },
        ),
      ],
    };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
