// LayoutLab — LayoutData: documents, dataset readers and writers, images, WordPiece, encoding.
//
// Shape legend for this module: B batch, T text tokens per window, 4 box coordinates
// (x0, y0, x1, y1) in 0...1000 after normalisation, Hi×Wi image pixels (224×224 for the model).
