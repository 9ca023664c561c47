/**
 * Line styles of the history charts. The brand is a thick solid dark-blue line with points;
 * competitors are thin and dashed, each in its own Okabe-Ito colour (a palette chosen to stay
 * apart for the common kinds of colour blindness) and its own dash, so no line is told from
 * another by colour alone.
 */
export const brandStyle = { stroke: '#0b4f94', width: 3, dash: [] as number[] };

const competitorColours = ['#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6b6b6b'];
const competitorDashes = [[6, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 4], [12, 4]];

export function competitorStyle(index: number) {
  return {
    stroke: competitorColours[index % competitorColours.length]!,
    width: 1.75,
    dash: competitorDashes[index % competitorDashes.length]!,
  };
}
