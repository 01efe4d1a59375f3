// LayoutLab — files that a list or question file names: present, absent, or not a regular file.

import Foundation

/// What a path named by a list line or a JSON entry points at.
enum ListedFileKind: Equatable {
  /// Nothing there.
  case missing
  /// A regular file (or a link to one): safe to open and read.
  case regularFile
  /// Something else (a folder, a device, a FIFO), described in words.
  case other(String)
}

/// What sits at `url`, following symbolic links.
func listedFileKind(_ url: URL) -> ListedFileKind {
  guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
    return .missing
  }
  var type = attributes[.type] as? FileAttributeType
  if type == .typeSymbolicLink {
    // attributesOfItem does not follow the link; its target decides.
    let target = url.resolvingSymlinksInPath()
    guard let resolved = try? FileManager.default.attributesOfItem(atPath: target.path) else {
      return .missing
    }
    type = resolved[.type] as? FileAttributeType
  }
  switch type {
  case .typeRegular?: return .regularFile
  case .typeDirectory?: return .other("a folder")
  default: return .other("not a regular file")
  }
}

/// Whether the file at `url` (a page image, an OCR file that a list or question file names)
/// can be read: `true` for a regular file, `false` when nothing is there, and a
/// `DataFormatError` naming the path when it is a folder or another non-file (`what` names the
/// file expected, e.g. `a page image`). Wrap the call in `namingSource` to name the list too.
func listedFileExists(_ url: URL, what: String) throws -> Bool {
  switch listedFileKind(url) {
  case .missing: return false
  case .regularFile: return true
  case .other(let kind):
    throw DataFormatError(file: url.path, entry: "", expected: "\(what) file, found \(kind)")
  }
}

/// Runs `body`, which reads a file that `entry` of `file` names, and puts `file` and `entry`
/// first in any `DataFormatError` or `DataEnvironmentError` it throws: the list and line (or
/// question file and JSON path) that led there, then the file that was read.
func namingSource<T>(file: String, entry: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DataFormatError {
    let inner = error.entry.isEmpty ? error.file : "\(error.file): \(error.entry)"
    throw DataFormatError(file: file, entry: "\(entry): \(inner)", expected: error.expected)
  } catch let error as DataEnvironmentError {
    throw DataEnvironmentError("\(file): \(entry): \(error.message)")
  }
}
