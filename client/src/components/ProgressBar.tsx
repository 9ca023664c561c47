interface Props {
  value: number;
  label: string;
}

export function ProgressBar({ value, label }: Props) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div class="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={clamped}>
      <div class="progress-track" aria-hidden="true">
        <div class="progress-fill" style={{ width: `${clamped}%` }} />
      </div>
      <span class="progress-value">{clamped}%</span>
    </div>
  );
}
