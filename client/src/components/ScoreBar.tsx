interface Props {
  label: string;
  score: number;
  emphasis?: boolean;
}

function band(score: number) {
  if (score >= 90) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

export function ScoreBar({ label, score, emphasis = false }: Props) {
  return (
    <div class={`score${emphasis ? ' score-main' : ''}`} role="img" aria-label={`${label}: ${score} of 100`}>
      <span class="score-label" aria-hidden="true">{label}</span>
      <span class="score-track" aria-hidden="true">
        <span class={`score-fill band-${band(score)}`} style={{ width: `${score}%` }} />
      </span>
      <span class="score-value" aria-hidden="true">{score}</span>
    </div>
  );
}
