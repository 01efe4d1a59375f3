// LayoutLab — Experiments: JSON5 specs planned once into a graph of units (corpora,
// pre-training stages, fine-tuning cells), run by one scheduler, recorded as results.
//
// Shape legend for this module: V variants, S seeds, R runs = V × S.
