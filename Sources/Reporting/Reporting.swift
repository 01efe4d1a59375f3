// LayoutLab — Reporting: Markdown reports from stored results.
//
// Shape legend for this module: V variants (rows), M metrics (columns), S seeds per cell.
