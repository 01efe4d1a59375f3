// LayoutLab — pins the canonical text of a sample spec byte for byte (it feeds the spec hash).

import Foundation
import JSONValues
import XCTest

@testable import Experiments

final class SpecCanonicalTextTests: XCTestCase {
  /// A spec with every kind of value the canonical text has to render: fractions and exponents,
  /// whole numbers written as fractions, large and negative numbers, hexadecimal, escapes,
  /// non-ASCII text, nested objects written out of key order, overrides.
  let sample = """
    // comments and trailing commas are not part of the canonical text
    {
      name: 'canon-sample',
      description: "tab\\there, quote \\" backslash \\\\ newline\\n cr\\r bell\\u0007 é ü 日本 😀",
      base: {
        training: { epochs: 30, batchSize: 8, learningRate: 1e-3, warmupRatio: 0.1,
                    weightDecay: 0.01, lr2: 5e-5, clip: 1.0, big: 123456789012345678,
                    neg: -2.5, negZero: -0.0, tiny: 1.5e-300, third: 0.3333333333333333,
                    hex: 0xFF, plus: +7, dot: .5, trailing: 5., },
        data: { source: 'funsd', root: '../shared/data/funsd', devEvery: 5, flags: [true, false, null],
                nested: [[1, 2], [], {}, { z: 1, a: 2 }] },
        model: { preset: 'small', hiddenSize: 128, dropout: 0.1 },
      },
      variants: {
        v1: { model: { version: 'v1' } },
        v2: { model: { version: 'v2' }, training: { epochs: 2 } },
      },
      seeds: [1, 2, 3],
    }
    """

  let expected =
    #"{"base":{"data":{"devEvery":5,"flags":[true,false,null],"nested":[[1,2],[],{},{"a":2,"z":1}],"#
    + #""root":"/data/override","source":"funsd"},"model":{"dropout":0.1,"hiddenSize":128,"#
    + #""preset":"small"},"training":{"batchSize":8,"big":1.2345678901234568e+17,"clip":1,"#
    + #""dot":0.5,"epochs":30,"hex":255,"learningRate":0.001,"lr2":5e-05,"neg":-2.5,"negZero":0,"#
    + #""plus":7,"third":0.3333333333333333,"tiny":1.5e-300,"trailing":5,"warmupRatio":0.1,"#
    + #""weightDecay":0.01}},"description":"tab\there, quote \" backslash \\ newline\n cr\u000d "#
    + #"bell\u0007 é ü 日本 😀","name":"canon-sample","seeds":[4,5],"variants":{"v1":{"model":{"#
    + #""version":"v1"}},"v2":{"model":{"version":"v2"},"training":{"epochs":2}}}}"#

  func testCanonicalTextOfASampleTreeIsPinned() throws {
    var tree = try JSONValue.parseJSON5(Data(sample.utf8))
    for text in ["data.root=/data/override", "seeds=[4, 5]"] {
      tree = try applyOverride(text, to: tree)
    }
    XCTAssertEqual(tree.canonicalText, expected)
  }

  /// A real spec (`experiments/funsd-v1-vs-v2.json5` as of this test) with overrides.
  let realSpec = """
    {
      name: 'funsd-v1-vs-v2',
      description: 'LayoutLM v1 vs LayoutLMv2 on real FUNSD, small models.',
      base: {
        model: { preset: 'small', hiddenSize: 128, layers: 2, heads: 4, dropout: 0.1 },
        data: {
          source: 'funsd',
          root: '../shared/data/funsd',
          devEvery: 5,
          vocabulary: 'build',
          vocabularySize: 4000,
          maxLength: 256,
        },
        training: { epochs: 30, batchSize: 8, learningRate: 1e-3, warmupRatio: 0.1, weightDecay: 0.01 },
      },
      variants: {
        v1: { model: { version: 'v1' } },
        v2: { model: { version: 'v2' } },
      },
      seeds: [1, 2, 3],
    }
    """

  let realExpected =
    #"{"base":{"data":{"devEvery":5,"maxLength":256,"root":"/data/funsd","source":"fun"#
    + #"sd","vocabulary":"build","vocabularySize":4000},"model":{"dropout":0.1,"heads":4"#
    + #","hiddenSize":128,"layers":2,"preset":"small"},"training":{"batchSize":8,"epochs"#
    + #"":30,"learningRate":5e-05,"warmupRatio":0.1,"weightDecay":0.01}},"description":""#
    + #"LayoutLM v1 vs LayoutLMv2 on real FUNSD, small models.","name":"funsd-v1-vs-v2","#
    + #""seeds":[7],"variants":{"v1":{"model":{"version":"v1"}},"v2":{"model":{"version""#
    + #":"v2"}}}}"#

  func testCanonicalTextOfARealSpecIsPinned() throws {
    var tree = try JSONValue.parseJSON5(Data(realSpec.utf8))
    for text in ["training.learningRate=5e-5", "data.root=/data/funsd", "seeds=[7]"] {
      tree = try applyOverride(text, to: tree)
    }
    let spec = try ExperimentSpec.parse(tree, file: "funsd-v1-vs-v2.json5")
    XCTAssertEqual(spec.canonicalText, realExpected)
  }
}
