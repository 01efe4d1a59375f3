// LayoutLab — the on-disk page image cache: one file per set of page image files, checked
// before use and rebuilt when truncated or foreign, never read as data.

import Foundation
import HostCPU
import LayoutData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A page image cache file: `LLPAGES1`, then each page's `PageImages.pageBytes` bytes in
/// document order, then a JSON index (key, document ids, missing count), its length (UInt64,
/// little-endian) and `LLPAGEND`. Written to a temporary name and renamed, so a finished name
/// always holds a whole file; a reader still checks the magic numbers, the length and the key.
final class PageImageFile: @unchecked Sendable {
  static let headMagic = Array("LLPAGES1".utf8)
  static let tailMagic = Array("LLPAGEND".utf8)
  /// Bumped when the bytes of a page would change (resize, colour order).
  static let formatVersion = "pages-1"

  struct Index: Codable {
    var key: String
    var ids: [String]
    var missing: Int
  }

  let url: URL
  let descriptor: Int32
  let offsets: [String: Int]
  let missing: Int
  /// Built, reused or rebuilt (and why).
  let note: String

  private init(url: URL, descriptor: Int32, index: Index, note: String) {
    self.url = url
    self.descriptor = descriptor
    var offsets: [String: Int] = [:]
    for (position, id) in index.ids.enumerated() {
      offsets[id] = PageImageFile.headMagic.count + position * PageImages.pageBytes
    }
    self.offsets = offsets
    missing = index.missing
    self.note = note
  }

  deinit { close(descriptor) }

  /// The key of a set of pages: the format version, and each document's id, image path, file
  /// size and modification time (a changed image file changes the key).
  static func key(_ documents: [Document]) -> String {
    var text = formatVersion
    for document in documents {
      text += "\n\(document.id)|\(document.imagePath ?? "-")"
      if let path = document.imagePath,
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      {
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        text += "|\(size)|\(date)"
      }
    }
    return SHA256.hexDigest(Array(text.utf8))
  }

  /// The cache file of `documents` in `folder`: reused when whole and made for the same files,
  /// else built (streaming, one page in memory at a time).
  static func openOrBuild(_ documents: [Document], folder: URL) throws -> PageImageFile {
    let key = key(documents)
    let url = folder.appendingPathComponent("\(key).pages")
    var note = "built \(url.lastPathComponent)"
    if FileManager.default.fileExists(atPath: url.path) {
      do {
        let file = try open(url, key: key, count: documents.count, note: "reused")
        return file
      } catch {
        note = "rebuilt \(url.lastPathComponent) (\(error))"
      }
    }
    try build(documents, key: key, url: url)
    return try open(url, key: key, count: documents.count, note: note)
  }

  /// Opens and checks a cache file.
  static func open(_ url: URL, key: String, count: Int, note: String) throws -> PageImageFile {
    func damaged(_ why: String) -> DataFormatError {
      DataFormatError(file: url.path, entry: "page image cache", expected: why)
    }
    let descriptor = openForReading(url.path)
    guard descriptor >= 0 else { throw damaged("a readable file") }
    var keep = false
    defer { if !keep { close(descriptor) } }
    let size = Int(lseek(descriptor, 0, SEEK_END))
    let tailCount = 8 + tailMagic.count
    guard size >= headMagic.count + tailCount else {
      throw damaged("a whole file (it is truncated)")
    }
    func read(_ count: Int, at offset: Int) throws -> [UInt8] {
      var bytes = [UInt8](repeating: 0, count: count)
      let got = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, count, off_t(offset))
      }
      guard got == count else { throw damaged("\(count) bytes at offset \(offset)") }
      return bytes
    }
    guard try read(headMagic.count, at: 0) == headMagic else {
      throw damaged("a LayoutLab page cache (LLPAGES1 at the start)")
    }
    let tail = try read(tailCount, at: size - tailCount)
    guard Array(tail[8...]) == tailMagic else {
      throw damaged("LLPAGEND at the end (the file is truncated)")
    }
    let indexLength = tail[..<8].enumerated().reduce(0) { $0 | Int($1.1) << (8 * $1.0) }
    let pagesEnd = headMagic.count + count * PageImages.pageBytes
    guard indexLength > 0, pagesEnd + indexLength + tailCount == size else {
      throw damaged("\(count) pages and an index (the length does not match)")
    }
    let index = try JSONDecoder().decode(
      Index.self, from: Data(try read(indexLength, at: pagesEnd)))
    guard index.key == key, index.ids.count == count else {
      throw damaged("the pages of these documents (it was made for other files)")
    }
    keep = true
    return PageImageFile(url: url, descriptor: descriptor, index: index, note: note)
  }

  /// Writes the cache file of `documents` (to a temporary name, renamed when complete).
  static func build(_ documents: [Document], key: String, url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    HostProcess.removeOrphanedPartials(of: url)
    let partial = url.deletingLastPathComponent().appendingPathComponent(
      HostProcess.partialName(url.lastPathComponent))
    _ = FileManager.default.createFile(atPath: partial.path, contents: nil)
    let handle = try FileHandle(forWritingTo: partial)
    var missing = 0
    do {
      try handle.write(contentsOf: Data(headMagic))
      for document in documents {
        let (bytes, found) = try PageImages.pageBytes(of: document)
        if !found { missing += 1 }
        try handle.write(contentsOf: Data(bytes))
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]  // the same pages give the same bytes
      let index = try encoder.encode(Index(key: key, ids: documents.map(\.id), missing: missing))
      var length = UInt64(index.count).littleEndian
      try handle.write(contentsOf: index)
      try handle.write(contentsOf: Data(bytes: &length, count: 8))
      try handle.write(contentsOf: Data(tailMagic))
      try handle.close()
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(at: partial)
      throw error
    }
    _ = try? FileManager.default.removeItem(at: url)
    try FileManager.default.moveItem(at: partial, to: url)
  }

  /// `open(2)` for reading (named apart from `open(_:key:count:note:)`).
  private static func openForReading(_ path: String) -> Int32 {
    #if canImport(Glibc)
      return Glibc.open(path, O_RDONLY)
    #else
      return Darwin.open(path, O_RDONLY)
    #endif
  }

  /// Reads one page (`PageImages.pageBytes` bytes) into `destination` as floats.
  func copyPage(of documentId: String, into destination: UnsafeMutablePointer<Float>) throws {
    guard let offset = offsets[documentId] else {
      throw DataFormatError(
        file: url.path, entry: "page image cache", expected: "a page for document \(documentId)")
    }
    let count = PageImages.pageBytes
    var bytes = [UInt8](repeating: 0, count: count)
    let got = bytes.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, count, off_t(offset))
    }
    guard got == count else {
      throw DataFormatError(
        file: url.path, entry: "page image cache", expected: "\(count) bytes at offset \(offset)")
    }
    for i in 0..<count { destination[i] = Float(bytes[i]) }
  }
}
