// LayoutLab — peak resident memory at the phases of a run (`LAYOUTLAB_MEMORY_REPORT=1`).

import Foundation
import HostCPU
import TensorCore

/// Peak resident memory at the phases of a run, printed with `LAYOUTLAB_MEMORY_REPORT=1`.
struct MemoryReport {
  var marks: [(String, Int)] = []
  let enabled = ProcessInfo.processInfo.environment["LAYOUTLAB_MEMORY_REPORT"] == "1"

  mutating func mark(_ phase: String) {
    if enabled { marks.append((phase, ProcessMemory.peakResidentBytes())) }
  }

  /// `memory (peak RSS): documents read 210 MB, … ; tensors and buffer cache peak 95 MB`.
  var text: String? {
    guard enabled else { return nil }
    let usage = BufferCache.shared.usage
    return "memory (peak RSS so far): "
      + marks.map { "\($0.0) \($0.1 >> 20) MB" }.joined(separator: ", ")
      + "; tensors and buffer cache peak \(usage.highWaterBytes >> 20) MB"
  }
}
