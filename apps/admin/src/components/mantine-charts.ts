// The chart library and its styles, loaded only by the pages that draw a chart (components/Chart.tsx
// imports this module lazily), so recharts stays out of the bundle every page loads.
import '@mantine/charts/styles.css';

export { BarChart, CompositeChart } from '@mantine/charts';
