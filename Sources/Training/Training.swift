// LayoutLab — Training: AdamW, learning-rate schedules, the training loop, checkpoints.
//
// Shape legend for this module: B batch, T text tokens, P parameters (flattened).
