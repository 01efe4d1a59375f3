// LayoutLab — how the 1-D position and 2-D layout tables start: random, or sinusoidal.

import Foundation
import Seeding
import TensorCore

/// How the position tables (`position_embeddings`, and the x, y, h and w tables) start.
///
/// Both papers fine-tune from BERT or LayoutLM weights, so their tables start trained. Trained
/// from scratch on a laptop budget, a random table gives "the token before me" or "the word on
/// my row" no structure to start from. Sinusoids (Vaswani et al. 2017) give every offset a fixed
/// linear map and make equal positions most similar, so attention can find neighbours early.
/// Not in either paper: a LayoutLab switch. The architecture and checkpoints are unchanged.
public enum PositionInitialization: String, Codable, Sendable, CaseIterable {
  /// Normal(0, `initializerRange`), as HF initialises every embedding.
  case normal
  /// `sin(p / 10000^(2i/E))`, `cos(…)` in alternate columns, scaled to the normal init's std;
  /// each table's columns then permuted and sign-flipped its own way.
  case sinusoidal

  /// Overwrites `table [P, E]` with sinusoids of its row index, each column's std about `std`,
  /// its columns in the signed order drawn from `mixing` (seeded per table).
  ///
  /// The signed permutation keeps each table's kernel (the dot product of rows p and q depends
  /// on p − q alone) but makes tables differ: v1 sums x, y, h, w and the 1-D position into one
  /// vector, and identical x and y sinusoids would make (x, y) and (y, x) the same sum.
  static func fillSinusoidal(_ table: Tensor, std: Float, mixing: inout SeededGenerator) {
    let rows = table.shape[0]
    let columns = table.shape[1]
    let scale = std * Float(2).squareRoot()
    let order = mixing.shuffled(0..<columns)
    let signs = (0..<columns).map { _ in mixing.nextBool(probability: 0.5) ? Float(-1) : 1 }
    let frequencies = (0..<columns).map { pow(10_000, -Double(2 * ($0 / 2)) / Double(columns)) }
    for p in 0..<rows {
      for i in 0..<columns {
        let angle = Double(p) * frequencies[i]
        let value = scale * Float(i % 2 == 0 ? sin(angle) : cos(angle))
        table.pointer[p * columns + order[i]] = signs[i] * value
      }
    }
  }
}
