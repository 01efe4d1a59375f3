// LayoutLab — reading a list or TSV file as UTF-8 text, with size and encoding errors that say where.

import Foundation

/// The most bytes a label list, TSV or JSON dataset file may hold (256 MiB): larger files are
/// refused before they are read, with a message that says how to split them.
public let maximumDataFileBytes = 256 << 20

/// The bytes of the data file at `url`, or an error: `DataEnvironmentError` when it cannot be
/// read or is not a regular file, `DataFormatError` when it is larger than
/// `maximumDataFileBytes` (`split` says how to split it).
func readDataFile(_ url: URL, what: String, split: String) throws -> Data {
  if case .other(let kind) = listedFileKind(url) {
    throw DataEnvironmentError("cannot read \(what) \(url.path): found \(kind)")
  }
  let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
  guard size <= maximumDataFileBytes else {
    throw DataFormatError(
      file: url.path, entry: "size",
      expected: "at most \(maximumDataFileBytes >> 20) MiB, found \(size >> 20) MiB; \(split)")
  }
  do {
    return try Data(contentsOf: url)
  } catch {
    throw DataEnvironmentError("cannot read \(what) \(url.path): \(error.localizedDescription)")
  }
}

/// The text of the list or TSV file at `url`: `readDataFile`, then UTF-8 decoding whose error
/// names the line and byte offset of the first invalid byte.
func readTextFile(_ url: URL, what: String, split: String) throws -> String {
  try decodeUTF8(try readDataFile(url, what: what, split: split), file: url.path)
}

/// `data` as UTF-8 text; invalid bytes throw `DataFormatError` naming `file`, the line and the
/// byte offset (from the start of the file) of the first one.
func decodeUTF8(_ data: Data, file: String) throws -> String {
  if let text = String(validating: data, as: UTF8.self) { return text }
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = data.makeIterator()
  var offset = 0
  var line = 1
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let scalar):
      if scalar.count == 1, scalar.first == UInt8(ascii: "\n") { line += 1 }
      offset += scalar.count
    case .error(let length):
      throw DataFormatError(
        file: file, entry: "line \(line), byte offset \(offset)",
        expected: "UTF-8 text, found an invalid sequence of \(length) byte(s)")
    case .emptyInput:
      // Unreachable: validation failed, so the parser finds an invalid sequence first.
      throw DataFormatError(file: file, entry: "", expected: "UTF-8 text")
    }
  }
}
