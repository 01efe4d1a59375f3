// LayoutLab — Experiments: JSON5 specs, sweeps, cached stages, runs and results.
//
// Shape legend for this module: V variants, S seeds, R runs = V × S.
