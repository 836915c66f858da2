import { segmentsOf } from './marked-text';

/** Text from search with its matched words in <mark>; React escapes every piece. */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {segmentsOf(text).map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
