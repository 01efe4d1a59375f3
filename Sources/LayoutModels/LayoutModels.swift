// LayoutLab — LayoutModels: LayoutLM v1 and LayoutLMv2 layers, heads and checkpoints.
//
// Shape legend for this module: B batch, T text tokens, V visual tokens (Gh·Gw, 7×7 = 49),
// S = T + V (v2) or T (v1), H hidden, A heads, D = H / A, F feed-forward size, 4 box
// coordinates (x0, y0, x1, y1) in 0...1000.
