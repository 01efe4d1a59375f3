// LayoutLab — the configuration hash: stable across versions, independent of the checkout's folder.

import Foundation
import XCTest

@testable import Experiments

final class ConfigurationHashTests: XCTestCase {
  let experiments = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("experiments")

  /// Hashes of committed specs' runs, computed by the code before the typed settings: a change
  /// in how settings encode would silently re-run every cached result.
  let pinned: [(String, String, Int, String)] = [
    (
      "quickstart.json5", "v1", 1,
      "9b0d0adada35320034e29e500879a9c1dd7dc63c641c817e5098c1127680b730"
    ),
    (
      "quickstart.json5", "v2", 2,
      "43c6e6d39995a51556332df87a0d4eddded03ea9990a4a94b2134f52e40a90dd"
    ),
    (
      "funsd-pretrained.json5", "v1-pretrained", 1,
      "ae4ad71fdb6fc720232d6b5fe1679fccd523cfc812c1babb8e6389aea34857a1"
    ),
    (
      "funsd-pretrained.json5", "v2-pretrained-tia-lpft", 3,
      "2e16e64eacc4df5423d4d50e5566b1d0f95fd809a257f88825646815035f7122"
    ),
    (
      "pretrain-transfer-classify.json5", "v2-scratch-gridhead", 1,
      "33222152d0bbb6badcf630b4761d46f67eb226339070eec1bb32fefab99a25e0"
    ),
    (
      "pretrain-classify-diagnostics.json5", "b-probe-scratch", 2,
      "b49bc6496feb5b743bdb3ab88b3b9b93f6c527f7b63605f22cbb55f05907c259"
    ),
  ]

  func testCommittedSpecsKeepTheirHashes() throws {
    for (file, variant, seed, hash) in pinned {
      let spec = try ExperimentSpec.load(contentsOf: experiments.appendingPathComponent(file))
      let plan = try XCTUnwrap(
        try spec.plans().first { $0.variant == variant && $0.seed == seed }, "\(file) \(variant)")
      XCTAssertEqual(try configurationHash(plan), hash, "\(file) \(variant) seed \(seed)")
    }
  }

  func testPathsInsideTheRepositoryAreRecordedRelativeToIt() throws {
    var configuration = RunConfiguration()
    configuration.data.source = .funsd
    configuration.data.root = "/home/a/layoutlab/../layoutlab/data/funsd"
    configuration.data.test = "/elsewhere/testing_data"
    configuration.model.initFrom = "results/pretrain/v2-small"
    let repository = URL(fileURLWithPath: "/home/a/layoutlab")
    let portable = configuration.relativizingPaths(to: repository)
    XCTAssertEqual(portable.data.root, "data/funsd")
    XCTAssertEqual(portable.data.test, "/elsewhere/testing_data")
    XCTAssertEqual(portable.model.initFrom, "results/pretrain/v2-small")
    let moved = portable.resolvingPaths(against: URL(fileURLWithPath: "/tmp/clone"))
    XCTAssertEqual(moved.data.root, "/tmp/clone/data/funsd")
    XCTAssertEqual(moved.model.initFrom, "/tmp/clone/results/pretrain/v2-small")
    XCTAssertEqual(moved.data.test, "/elsewhere/testing_data")
    // The same settings hash alike from any folder.
    let a = RunPlan(variant: "v", seed: 1, configuration: portable)
    let b = RunPlan(
      variant: "v", seed: 1,
      configuration: moved.relativizingPaths(to: URL(fileURLWithPath: "/tmp/clone")))
    XCTAssertEqual(try configurationHash(a), try configurationHash(b))
  }
}
