import { policyBlocks } from '@/lib/practice-policy/layout';

/** A policy's text laid out as a document: the same in the options preview and the printable page. */
export function PolicyText({ text, titleLevel }: { text: string; titleLevel: 1 | 2 }) {
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  const Heading = titleLevel === 1 ? 'h2' : 'h3';
  return (
    <>
      {policyBlocks(text).map((block, index) => {
        if (block.kind === 'title') return <Title key={index}>{block.text}</Title>;
        if (block.kind === 'heading') return <Heading key={index}>{block.text}</Heading>;
        return (
          <div key={index} class="policy-block">
            {block.lines.length > 0 && (
              <p>
                {block.lines.map((line, i) => (
                  <>
                    {i > 0 && <br />}
                    {line}
                  </>
                ))}
              </p>
            )}
            {block.items.length > 0 && (
              <ul>
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}
