import { categoryLabel } from '../../format/format';
import { outcomeWords } from '#shared/outcome';
import type { CheckOutcome } from '../../gql/graphql';
import type { ReportTarget } from '../comparison/report';
import { categoryOrder } from '../comparison/report';
import { ScrollRegion } from '../../components/ScrollRegion';

type Check = NonNullable<ReportTarget['analysis']>['checks'][number];

const outcomeRank: Record<CheckOutcome, number> = { FAIL: 0, WARN: 1, PASS: 2, NOT_APPLICABLE: 3 };

/** Every check of one page, failures first within each category. */
export function CheckTable({ checks }: { checks: Check[] }) {
  return (
    <ScrollRegion label="Checks of this page">
      <table class="checks">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">What was found</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        {categoryOrder.map((category) => {
          const inCategory = checks.filter((check) => check.category === category).sort((a, b) => outcomeRank[a.outcome] - outcomeRank[b.outcome]);
          if (inCategory.length === 0) return null;
          return (
            <tbody key={category}>
              <tr class="category-row">
                <th scope="colgroup" colSpan={4}>
                  {categoryLabel(category)}
                </th>
              </tr>
              {inCategory.map((check) => (
                <tr key={check.id} data-check-id={check.id}>
                  <th scope="row">{check.id}</th>
                  <td>
                    <span class={`outcome-text outcome-${check.outcome.toLowerCase()}`}>{outcomeWords[check.outcome]}</span>
                  </td>
                  <td>{check.message}</td>
                  <td class="numeric">{check.weight}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}
