// LayoutLab — Evaluation: entity F1 (seqeval), accuracy, ANLS, bootstrap and significance.
//
// Shape legend for this module: D documents (or items), S sequences of tags, K classes.
