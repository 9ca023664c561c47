import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { PromptAnswersQuery } from '../../api/visibilityOperations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScrollRegion } from '../../components/ScrollRegion';
import { UrlText } from '../../components/UrlText';
import { formatPercent, titleCase } from '../../format/format';
import type { PromptAnswersQuery as PromptAnswersResult, VisibilityResultFieldsFragment } from '../../gql/graphql';
import type { GraphQLRequestError } from '#shared/transport';
import { AnswerText } from './AnswerText';

type PromptResult = VisibilityResultFieldsFragment['promptResults'][number];
type AnswerPage = Extract<NonNullable<PromptAnswersResult['node']>, { __typename: 'VisibilityAudit' }>['answers'];
type Answer = AnswerPage['edges'][number]['node'];

/** Lost prompts (a competitor named, the brand not) first; otherwise as the audit lists them. */
function orderPrompts(results: readonly PromptResult[]): PromptResult[] {
  return [...results].sort((a, b) => Number(b.lost) - Number(a.lost));
}

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/** Only web addresses become links: a cited "URL" is the engine's word, and may be anything. */
function Citation({ url }: { url: string }) {
  const web = /^https?:\/\//i.test(url);
  return <li>{web ? <a href={url} rel="noopener noreferrer nofollow" target="_blank"><UrlText url={url} /></a> : <UrlText url={url} />}</li>;
}

function AnswerCard({ answer, subject }: { answer: Answer; subject: string }) {
  return (
    <article class="answer" data-engine={answer.engine} data-sample={answer.sample} aria-label={`${answer.engine}, sample ${answer.sample}`}>
      <p class="answer-meta">
        <strong>{answer.engine}</strong> · {answer.model} · sample {answer.sample}
        {answer.cached && <span class="tag">cached</span>}
      </p>
      {answer.error ? (
        <p class="notice notice-error">No answer: {answer.error}</p>
      ) : (
        <>
          <AnswerText text={answer.text} mentions={answer.mentions} subject={subject} />
          <p class="answer-mentions">
            {answer.mentions.length === 0
              ? 'Names no brand.'
              : `Names ${answer.mentions
                  .map((mention) => `${mention.brand} (${ordinal(mention.position)}, ${titleCase(mention.sentiment)}${mention.recommended ? ', recommended' : ''})`)
                  .join(', ')}.`}
          </p>
          {answer.citations.length > 0 && (
            <ul class="answer-citations" aria-label="Sources cited">
              {answer.citations.map((url) => (
                <Citation key={url} url={url} />
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}

/** The server gives answers in the order they came; they read better engine by engine. */
const byEngineAndSample = (answers: readonly Answer[]) => [...answers].sort((a, b) => a.engine.localeCompare(b.engine) || a.sample - b.sample);

/** Every answer to one prompt, 50 at a time. */
function PromptAnswers({ auditId, prompt, subject }: { auditId: string; prompt: string; subject: string }) {
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [page, setPage] = useState<AnswerPage>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<GraphQLRequestError>();

  const load = async (after: string | null) => {
    setLoading(true);
    setError(undefined);
    try {
      const { node } = await request(PromptAnswersQuery, { id: auditId, prompt, after });
      if (node?.__typename !== 'VisibilityAudit') return;
      setPage(node.answers);
      setAnswers((loaded) => [...loaded, ...node.answers.edges.map((edge) => edge.node)]);
    } catch (caught) {
      setError(caught as GraphQLRequestError);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(null), [auditId, prompt]);

  return (
    <div class="prompt-answers">
      <ErrorNotice error={error} context="Could not load the answers" />
      {byEngineAndSample(answers).map((answer) => (
        <AnswerCard key={answer.id} answer={answer} subject={subject} />
      ))}
      {loading && <p class="loading">Loading…</p>}
      {page?.pageInfo.hasNextPage && !loading && (
        <button type="button" onClick={() => load(page.pageInfo.endCursor ?? null)}>
          Show more answers ({answers.length} of {page.totalCount})
        </button>
      )}
    </div>
  );
}

function PromptRow({ auditId, result, subject, index }: { auditId: string; result: PromptResult; subject: string; index: number }) {
  const [open, setOpen] = useState(false);
  const answersId = `prompt-answers-${index}`;
  return (
    <>
      <tr class={result.lost ? 'prompt-row prompt-lost' : 'prompt-row'} data-lost={String(result.lost)}>
        <th scope="row" class="prompt-text">
          {result.prompt}
          {result.lost && <span class="badge lost-badge">Lost</span>}
        </th>
        <td data-label="Named">{result.named.length === 0 ? 'no brand' : result.named.join(', ')}</td>
        <td data-label={`${subject} named in`}>{formatPercent(result.subjectMentionRate)}</td>
        <td>
          <button type="button" class="link-button" aria-expanded={open} aria-controls={answersId} onClick={() => setOpen((shown) => !shown)}>
            {open ? 'Hide answers' : 'Show answers'}
            <span class="visually-hidden"> to “{result.prompt}”</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr class="answers-row" id={answersId}>
          <td colSpan={4}>
            <PromptAnswers auditId={auditId} prompt={result.prompt} subject={subject} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Per prompt: the brands the engines named, lost prompts first, each prompt's answers on demand. */
export function PromptTable({ auditId, results, subject }: { auditId: string; results: readonly PromptResult[]; subject: string }) {
  if (results.length === 0) return <p class="empty">No prompts were scored.</p>;
  return (
    <ScrollRegion label="Prompts">
      <table class="prompts">
        <caption class="visually-hidden">Prompts, those lost to a competitor first</caption>
        <thead>
          <tr>
            <th scope="col">Prompt</th>
            <th scope="col">Named in most answers</th>
            <th scope="col">{subject} named in</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {orderPrompts(results).map((result, index) => (
            <PromptRow key={result.prompt} auditId={auditId} result={result} subject={subject} index={index} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
