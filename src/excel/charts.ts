/// <reference types="office-js" />
import type { ChartPlan } from '../sheet/types';

/**
 * A native column chart over a table on the sheet (ExcelApi 1.1): the first column gives the
 * categories, each further column a series; titled, both axes titled, no legend for a single series,
 * placed over the cells the plan gives.
 */
export function addChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const chart = sheet.charts.add('ColumnClustered', sheet.getRange(plan.data), 'Columns');
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.axes.categoryAxis.title.text = plan.categoryAxisTitle;
  chart.axes.valueAxis.title.text = plan.valueAxisTitle;
  chart.legend.visible = false;
  chart.setPosition(plan.from, plan.to);
}
