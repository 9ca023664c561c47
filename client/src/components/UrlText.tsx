import { Fragment } from 'preact';

/**
 * A URL that may wrap between its parts (after a slash, before `?` and `&`), so a narrow card
 * breaks `example.com/blog/how-to-choose` at a slash rather than inside a word or the port.
 */
export function UrlText({ url }: { url: string }) {
  const parts = url.split(/(?<=\/)|(?=[?&])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
