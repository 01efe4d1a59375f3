// LayoutLab — checkpoint folders: HF `config.json` plus `model.safetensors`.

import Foundation
import TensorCore

extension LayoutLMForTask {
  /// Loads a checkpoint folder (`config.json` + `model.safetensors`, HF layout).
  ///
  /// The head comes from `task`, or else from the config's `architectures`. `numLabels`
  /// overrides the config's label count (a fresh head is then initialised from `seed`).
  public static func load(
    directory: URL, task: TaskKind? = nil, numLabels: Int? = nil,
    configure: (inout LayoutLMConfiguration) -> Void = { _ in },
    seed: UInt64 = 0
  ) throws -> (LayoutLMForTask, CheckpointLoadReport) {
    let configURL = directory.appendingPathComponent("config.json")
    let weightsURL = directory.appendingPathComponent("model.safetensors")
    for url in [configURL, weightsURL] where !FileManager.default.fileExists(atPath: url.path) {
      throw CheckpointError.unreadable(path: url.path, reason: "missing")
    }
    var config = try LayoutLMConfiguration.read(contentsOf: configURL)
    if let numLabels { config.numLabels = numLabels }
    configure(&config)
    try config.validate()
    let architecture = config.architectures?.first ?? ""
    guard let resolvedTask = task ?? TaskKind(architecture: architecture) else {
      throw CheckpointError.unreadable(
        path: configURL.path, reason: "unknown architecture '\(architecture)'; pass a task")
    }
    let model = LayoutLMForTask(config, task: resolvedTask, seed: seed)
    let file = try SafeTensorsFile(contentsOf: weightsURL)
    let report = try model.load(try file.allTensors(), source: weightsURL.path)
    return (model, report)
  }

  /// Writes `config.json` (with `architectures`) and `model.safetensors` into `directory`,
  /// each atomically. The names load back into HF transformers.
  public func save(to directory: URL, metadata: [String: String] = [:]) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var config = self.config
    config.architectures = [task.architecture(v2: config.isV2)]
    try saveSafeTensors(
      checkpointTensors(), to: directory.appendingPathComponent("model.safetensors"),
      metadata: metadata.merging(["format": "pt"]) { a, _ in a })
    try config.write(to: directory.appendingPathComponent("config.json"))
  }
}
