// LayoutLab — writing a dataset file, creating its folders, with errors that name the file.

import Foundation

/// Writes `data` to `url`, creating parent folders; failures name the file.
func writeFile(_ data: Data, to url: URL) throws {
  do {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
  } catch {
    throw DataEnvironmentError("cannot write \(url.path): \(error.localizedDescription)")
  }
}
