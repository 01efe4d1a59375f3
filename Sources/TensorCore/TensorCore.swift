// LayoutLab — TensorCore: Float32 tensors, reverse-mode autodiff, kernels, RNG, safetensors.
//
// Shape legend for this module: B batch, C channels, Hi×Wi image height×width, M×K·K×N matrix
// operands, R rows and L columns of a row-wise op, N elements.
