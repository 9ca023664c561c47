import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Draws a uPlot chart into `element` at its current width, and follows its width as the page
 * resizes. Returns what an effect's cleanup calls to take it down.
 */
export function mountChart(element: HTMLElement, height: number, options: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): () => void {
  const chart = new uPlot({ ...options, width: element.clientWidth, height }, data, element);
  // An observer also reports the size it starts with: the chart is drawn at that width already, and
  // uPlot draws it all again on any setSize.
  const resize = new ResizeObserver(() => {
    if (element.clientWidth !== chart.width) chart.setSize({ width: element.clientWidth, height });
  });
  resize.observe(element);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
